import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load driver of the platform harness (srdi-bench/app/run.sh). Run as a single-file program with
 * the engine jar on the class path (it regenerates the demo region's credit codes):
 *
 * <pre>
 * java -cp srdi-engine/target/srdi-engine-*.jar srdi-bench/app/LoadDriver.java pages \
 *      --base http://localhost:18090 --user official --firms 100000 --requests 300 --concurrency 4 \
 *      --path /dashboard --path /firms/{code} --path /firms/{code}/grade
 * java -cp … LoadDriver.java post-poll --base … --user official --post /api/v1/grades/runs \
 *      --body '{}' --poll '/api/v1/grades/runs/{id}' --done '"status":"(DONE|FAILED)"'
 * java -cp … LoadDriver.java upload --base … --user official --post /api/v1/imports --file region.xlsx \
 *      [--poll … --done …] [--then-post /api/v1/imports/{id}/commit]
 * java -cp … LoadDriver.java intake --base … --user-prefix bench-firm- --users 800 --rate 500 \
 *      --seconds 10 --warmup-seconds 5 [--max-in-flight 64] [--post /api/v1/servicedesk/requests] [--pid PID] [--client raw|jdk]
 *      [--rounds 1] [--round-pause 60]
 * </pre>
 *
 * {@code pages} logs in through the login form (session cookie and CSRF token, as a browser), warms
 * up, then sends {@code --requests} GETs per path from {@code --concurrency} threads; {@code {code}}
 * is replaced by a random credit code of the demo region (seed/date/firms as the platform's
 * srdi.demo settings). It prints count, errors, p50, p95, p99, max and requests per second per
 * path. {@code post-poll} and {@code upload} time one long operation through the API: the POSTs
 * with HTTP Basic, the polls (every 0.5 s) in a form-login session, so that no BCrypt check per
 * poll is counted in the platform's CPU. {@code --pid} names the platform's process: its CPU
 * seconds (user + system, from /proc) are printed with every figure, with the load average.
 *
 * <p>{@code intake} measures the service desk's request intake (issue 5): it logs in {@code --users}
 * firm users ({@code <prefix>0001 …}, one session and CSRF token each, as the firm's browser would),
 * then POSTs new requests at a fixed {@code --rate} per second (open loop: each request has its
 * scheduled instant and its latency counts from that instant, so a slow server cannot hide
 * queueing) for {@code --warmup-seconds} (not counted) and {@code --seconds}. At most
 * {@code --max-in-flight} (64) requests are open at once, over kept-alive connections; a request
 * that must wait for one is late, and its lateness counts. Requests go round-robin over the firms,
 * so each firm sends {@code rate × time / users}: keep it under the per-firm limit (10 a minute).
 * Prints sent, answered, errors by status, throughput, p50/p95/p99/max, the CPU per request of the
 * platform, of PostgreSQL's processes and of the driver itself, and the load average. {@code --client
 * raw} sends over {@link RawPool} (one kept-alive socket per in-flight slot, bytes written and
 * read directly), which costs the shared cores far less per request than java.net.http
 * ({@code --client jdk}, the default here; run.sh passes raw unless told otherwise). {@code --rounds N}
 * repeats warm-up and measurement N times over the same sessions, {@code --round-pause} (60) seconds
 * apart so that the per-firm limits refill: the earlier rounds warm the platform's JIT up on the
 * intake path (a few seconds at full rate leave it compiling), the last round is the figure.
 */
public class LoadDriver {

    static String base = "http://localhost:18090";
    static String user = "official";
    static String password = "srdi2026";
    /** Process id of the platform (--pid): its CPU seconds (user + system, /proc) are printed with each figure. */
    static long pid = -1;
    /** {@code --client raw} (intake): the lean keep-alive client of {@link RawPool} instead of java.net.http. */
    static boolean rawClient;

    /** CPU seconds (user + system) the platform process has used so far, or NaN when unknown. */
    static double cpu() {
        return pid <= 0 ? Double.NaN : cpuOf(pid);
    }

    /** CPU seconds (user + system) of this load driver's own process. */
    static double driverCpu() {
        return cpuOf(ProcessHandle.current().pid());
    }

    /**
     * CPU seconds (user + system) of every PostgreSQL process on this machine (the backends of the
     * platform's connections among them); 0 when there is none. Compared at two instants, it is the
     * database's share as long as no backend exits in between (the pool keeps its connections).
     */
    static double postgresCpu() {
        double sum = 0;
        try (var dirs = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
            for (java.nio.file.Path d : (Iterable<java.nio.file.Path>) dirs::iterator) {
                String name = d.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    if ("postgres".equals(java.nio.file.Files.readString(d.resolve("comm")).strip())) {
                        double c = cpuOf(Long.parseLong(name));
                        sum += Double.isNaN(c) ? 0 : c;
                    }
                } catch (java.io.IOException gone) {
                    // the process ended meanwhile
                }
            }
        } catch (java.io.IOException e) {
            return Double.NaN;
        }
        return sum;
    }

    /** CPU seconds (user + system) of process {@code p} from /proc, or NaN. */
    static double cpuOf(long p) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + p + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields 14 and 15 of stat (utime, stime), counted from after the command name
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    static String load() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "?";
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: LoadDriver pages|post-poll|upload [options]; see the source");
            System.exit(2);
        }
        String mode = args[0];
        List<String> paths = new ArrayList<>();
        int requests = 300, concurrency = 4, warmup = 30, firms = 3000;
        long seed = 2022;
        LocalDate date = LocalDate.parse("2026-06-01");
        String post = null, body = "{}", poll = null, done = "\"status\"\\s*:\\s*\"(DONE|FAILED|COMMITTED|ERROR)\"",
                file = null, thenPost = null, contentType = null, userPrefix = "bench-firm-";
        int users = 1000, rate = 500, seconds = 20, warmupSeconds = 5, maxInFlight = 64, rounds = 1, roundPause = 60;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--base" -> { base = v; i++; }
                case "--user" -> { user = v; i++; }
                case "--password" -> { password = v; i++; }
                case "--path" -> { paths.add(v); i++; }
                case "--requests" -> { requests = Integer.parseInt(v); i++; }
                case "--concurrency" -> { concurrency = Integer.parseInt(v); i++; }
                case "--warmup" -> { warmup = Integer.parseInt(v); i++; }
                case "--firms" -> { firms = Integer.parseInt(v); i++; }
                case "--seed" -> { seed = Long.parseLong(v); i++; }
                case "--date" -> { date = LocalDate.parse(v); i++; }
                case "--post" -> { post = v; i++; }
                case "--body" -> { body = v; i++; }
                case "--poll" -> { poll = v; i++; }
                case "--done" -> { done = v; i++; }
                case "--file" -> { file = v; i++; }
                case "--content-type" -> { contentType = v; i++; }
                case "--then-post" -> { thenPost = v; i++; }
                case "--user-prefix" -> { userPrefix = v; i++; }
                case "--users" -> { users = Integer.parseInt(v); i++; }
                case "--rate" -> { rate = Integer.parseInt(v); i++; }
                case "--seconds" -> { seconds = Integer.parseInt(v); i++; }
                case "--warmup-seconds" -> { warmupSeconds = Integer.parseInt(v); i++; }
                case "--max-in-flight" -> { maxInFlight = Integer.parseInt(v); i++; }
                case "--rounds" -> { rounds = Integer.parseInt(v); i++; }
                case "--round-pause" -> { roundPause = Integer.parseInt(v); i++; }
                case "--pid" -> { pid = Long.parseLong(v); i++; }
                case "--client" -> { rawClient = "raw".equals(v); i++; }
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        switch (mode) {
            case "pages" -> pages(paths, requests, concurrency, warmup, codes(seed, date, firms));
            case "post-poll" -> postPoll(post, HttpRequest.BodyPublishers.ofString(body),
                    contentType == null ? "application/json" : contentType, poll, done, thenPost);
            case "upload" -> upload(post, java.nio.file.Path.of(file), poll, done, thenPost);
            case "intake" -> intake(post == null ? "/api/v1/servicedesk/requests" : post, userPrefix, users, rate, seconds,
                    warmupSeconds, maxInFlight, rounds, roundPause);
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
    }

    /** The credit codes of the demo region, in the order DemoRegion generates them. */
    static String[] codes(long seed, LocalDate date, int firms) {
        cn.srdi.engine.synth.RegionGenerator gen = new cn.srdi.engine.synth.RegionGenerator(seed, date, 0.0, 0.0);
        String[] codes = new String[firms];
        for (int i = 0; i < firms; i++) {
            codes[i] = gen.nextProfile().creditCode();
        }
        return codes;
    }

    static HttpClient sessionClient() throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        String login = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String location = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("login of " + user + " failed: " + r.statusCode() + " " + location);
        }
        return client;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static void pages(List<String> paths, int requests, int concurrency, int warmup, String[] codes) throws Exception {
        HttpClient client = sessionClient();
        Random rnd = new Random(1);
        System.out.printf("%-28s %7s %6s %8s %8s %8s %8s %8s %9s  %s%n", "path", "n", "errors", "p50 ms", "p95 ms", "p99 ms",
                "max ms", "req/s", "cpu ms/req", "load before");
        for (String path : paths) {
            for (int i = 0; i < warmup; i++) {
                get(client, path.replace("{code}", codes[rnd.nextInt(codes.length)]));
            }
            long[] nanos = new long[requests];
            AtomicInteger next = new AtomicInteger();
            AtomicInteger errors = new AtomicInteger();
            String[] firstError = new String[1];
            ExecutorService pool = Executors.newFixedThreadPool(concurrency);
            String loadBefore = load();
            double cpu0 = cpu();
            long t0 = System.nanoTime();
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < concurrency; t++) {
                Random r = new Random(100 + t);
                fs.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < requests) {
                        String p = path.replace("{code}", codes[r.nextInt(codes.length)]);
                        long s = System.nanoTime();
                        int status;
                        try {
                            status = get(client, p);
                        } catch (Exception e) {
                            status = -1;
                        }
                        nanos[i] = System.nanoTime() - s;
                        if (status != 200) {
                            errors.incrementAndGet();
                            firstError[0] = firstError[0] == null ? p + " -> " + status : firstError[0];
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuMs = (cpu() - cpu0) * 1000 / requests;
            pool.shutdown();
            Arrays.sort(nanos);
            System.out.printf("%-28s %7d %6d %8.1f %8.1f %8.1f %8.1f %8.1f %9.1f  %s%n", path, requests, errors.get(),
                    pct(nanos, 50), pct(nanos, 95), pct(nanos, 99), nanos[requests - 1] / 1e6, requests / seconds,
                    cpuMs, loadBefore);
            if (firstError[0] != null) {
                System.out.println("  first error: " + firstError[0]);
            }
        }
    }

    static int get(HttpClient client, String path) throws Exception {
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofByteArray());
        return r.statusCode();
    }

    static double pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    static HttpRequest.Builder api(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json");
    }

    static void postPoll(String post, HttpRequest.BodyPublisher body, String contentType, String poll, String done,
                         String thenPost) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String loadBefore = load();
        double cpu0 = cpu();
        long t0 = System.nanoTime();
        HttpResponse<String> r = client.send(api(post).header("Content-Type", contentType).POST(body).build(),
                HttpResponse.BodyHandlers.ofString());
        System.out.printf("POST %s -> %d in %.1f s: %s%n", post, r.statusCode(), (System.nanoTime() - t0) / 1e9, abbreviate(r.body()));
        if (r.statusCode() >= 300) {
            System.exit(1);
        }
        String id = firstId(r.body());
        if (poll != null) {
            Pattern finished = Pattern.compile(done);
            // polls go through a form-login session: HTTP Basic would cost the platform a BCrypt check
            // (tens of ms of CPU) every half second, inside the time measured
            HttpClient session = sessionClient();
            while (true) {
                HttpResponse<String> p = session.send(HttpRequest.newBuilder(URI.create(base + poll.replace("{id}", id)))
                        .timeout(Duration.ofMinutes(5)).header("Accept", "application/json").GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (p.statusCode() >= 300 || finished.matcher(p.body()).find()) {
                    System.out.printf("done after %.1f s (platform CPU %.1f s, load before %s): %s%n",
                            (System.nanoTime() - t0) / 1e9, cpu() - cpu0, loadBefore, abbreviate(p.body()));
                    break;
                }
                Thread.sleep(500);
            }
        }
        if (thenPost != null) {
            long t1 = System.nanoTime();
            double cpu1 = cpu();
            String load1 = load();
            HttpResponse<String> c = client.send(api(thenPost.replace("{id}", id)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            System.out.printf("POST %s -> %d in %.1f s (platform CPU %.1f s, load before %s; total %.1f s, CPU %.1f s): %s%n",
                    thenPost.replace("{id}", id), c.statusCode(), (System.nanoTime() - t1) / 1e9, cpu() - cpu1, load1,
                    (System.nanoTime() - t0) / 1e9, cpu() - cpu0, abbreviate(c.body()));
        }
    }

    static void upload(String post, java.nio.file.Path file, String poll, String done, String thenPost) throws Exception {
        String boundary = "srdi" + System.nanoTime();
        byte[] content = java.nio.file.Files.readAllBytes(file);
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(content, 0, all, head.length, content.length);
        System.arraycopy(tail, 0, all, head.length + content.length, tail.length);
        postPoll(post, HttpRequest.BodyPublishers.ofByteArray(all), "multipart/form-data; boundary=" + boundary, poll, done, thenPost);
    }

    static String firstId(String json) {
        Matcher m = Pattern.compile("\"(?:id|runId|importId)\"\\s*:\\s*\"?(\\d+)").matcher(json);
        return m.find() ? m.group(1) : "";
    }

    static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
    // ------------------------------------------------------------------ intake

    /** A logged-in firm: its session cookie and CSRF token. */
    record Session(String user, String cookie, String csrfHeader, String csrf) {
    }

    static final Pattern SET_COOKIE = Pattern.compile("JSESSIONID=([^;]+)");
    static final Pattern META_CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");
    static final Pattern META_HEADER = Pattern.compile("name=\"_csrf_header\" content=\"([^\"]+)\"");

    /** Form login without a cookie manager (one shared client), then the CSRF token of the session from the home page. */
    static Session login(HttpClient client, String name) throws Exception {
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String cookie = page.headers().allValues("Set-Cookie").stream().map(SET_COOKIE::matcher).filter(Matcher::find)
                .map(x -> x.group(1)).findFirst().orElseThrow(() -> new IllegalStateException("no session cookie from /login"));
        String form = "username=" + enc(name) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "JSESSIONID=" + cookie)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String location = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("login of " + name + " failed: " + r.statusCode() + " " + location);
        }
        cookie = r.headers().allValues("Set-Cookie").stream().map(SET_COOKIE::matcher).filter(Matcher::find)
                .map(x -> x.group(1)).findFirst().orElse(cookie);
        // the home page, following redirects (an enterprise user is sent on to its own pages)
        String path = "/";
        HttpResponse<String> home = null;
        for (int hop = 0; hop < 4; hop++) {
            home = client.send(HttpRequest.newBuilder(URI.create(base).resolve(path))
                    .header("Cookie", "JSESSIONID=" + cookie).build(), HttpResponse.BodyHandlers.ofString());
            if (home.statusCode() / 100 != 3) {
                break;
            }
            path = home.headers().firstValue("Location").orElse("/");
        }
        Matcher t = META_CSRF.matcher(home.body());
        Matcher h = META_HEADER.matcher(home.body());
        if (home.statusCode() != 200 || !t.find() || !h.find()) {
            throw new IllegalStateException("no CSRF token on the home page of " + name + " (" + home.statusCode() + ")");
        }
        return new Session(name, cookie, h.group(1), t.group(1));
    }

    static final String[][] TEXTS = {
        {"FINANCE", "公司订单增长较快，流动资金紧张，希望对接银行办理500万元信用贷款，并了解贴息政策。"},
        {"TALENT", "新产线投产需要招聘30名技术工人和5名高级工程师，希望协助对接高校毕业生和人才政策。"},
        {"LAND", "现有厂房已满负荷，计划扩建，需要约20亩工业用地或标准厂房，请协调。"},
        {"TECHNOLOGY", "希望与高校共建实验室，开展研发合作和成果转化，请推荐合适的团队。"},
        {"MARKET", "新产品希望进入政府采购目录并参加展会，请提供市场拓展方面的支持。"},
        {"POLICY", "请问专精特新中小企业认定的申报条件和研发费用加计扣除政策有哪些变化？"},
        {"PERMITS", "新建生产线需要办理环评和施工许可，希望了解审批流程和所需材料。"},
        {"", "园区道路施工影响货车通行，希望协调临时通道。"},
    };

    static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static void intake(String post, String prefix, int users, int rate, int seconds, int warmupSeconds, int maxInFlight,
                       int rounds, int roundPause) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        long l0 = System.nanoTime();
        Session[] sessions = new Session[users];
        ExecutorService logins = Executors.newFixedThreadPool(4);
        List<Future<?>> lf = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            int k = i;
            lf.add(logins.submit(() -> {
                sessions[k] = login(client, String.format("%s%04d", prefix, k + 1));
                return null;
            }));
        }
        for (Future<?> f : lf) {
            f.get();
        }
        logins.shutdown();
        System.out.printf("logged in %d firm users in %.1f s%n", users, (System.nanoTime() - l0) / 1e9);
        for (int round = 1; round <= rounds; round++) {
            if (round > 1) {
                // the per-firm buckets refill at their limit per minute: wait until they are full again
                System.out.printf("pausing %d s so that the firms' intake limits refill%n", roundPause);
                Thread.sleep(roundPause * 1000L);
            }
            if (rounds > 1) {
                System.out.printf("-- round %d of %d%s%n", round, rounds, round < rounds ? " (warms the platform's JIT; the last round is the figure)" : "");
            }
            intakeRound(client, sessions, post, users, rate, seconds, warmupSeconds, maxInFlight);
        }
    }

    /** One round of the intake: warm-up then measured sends over the logged-in sessions, and its report. */
    static void intakeRound(HttpClient client, Session[] sessions, String post, int users, int rate, int seconds, int warmupSeconds,
                            int maxInFlight) throws Exception {
        int warm = rate * warmupSeconds;
        int total = warm + rate * seconds;
        long[] latency = new long[total];
        int[] status = new int[total];
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(total);
        java.util.concurrent.ConcurrentHashMap<String, AtomicInteger> errors = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.ConcurrentHashMap<String, String> firstBody = new java.util.concurrent.ConcurrentHashMap<>();
        String load0 = load();
        double cpu0 = cpu();
        long interval = 1_000_000_000L / rate;
        java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(maxInFlight);
        RawPool raw = rawClient ? new RawPool(URI.create(base), maxInFlight) : null;
        long t0 = System.nanoTime() + 50_000_000L;
        long[] measureEnd = new long[1];
        double[] cpuWarm = {Double.NaN};
        double[] driverWarm = {Double.NaN};
        double[] pgWarm = {Double.NaN};
        int[] nWarm = {0};
        for (int i = 0; i < total; i++) {
            long at = t0 + i * interval;
            long wait;
            while ((wait = at - System.nanoTime()) > 0) {
                if (wait > 200_000) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait - 100_000);
                }
            }
            inFlight.acquire();
            if (i == warm) {
                cpuWarm[0] = cpu();
                driverWarm[0] = driverCpu();
                pgWarm[0] = postgresCpu();
                nWarm[0] = i;
            }
            Session s = sessions[i % users];
            String[] text = TEXTS[i % TEXTS.length];
            String body = "{\"category\":" + (text[0].isEmpty() ? "null" : json(text[0])) + ",\"subject\":" + json("压测诉求 " + i)
                    + ",\"body\":" + json(text[1] + "（" + i + "）") + "}";
            int k = i;
            RawDone finish = (code, answer, e) -> {
                latency[k] = System.nanoTime() - at;
                status[k] = e != null ? -1 : code;
                if (status[k] != 201) {
                    String key = e != null ? e.getClass().getSimpleName() : String.valueOf(code);
                    errors.computeIfAbsent(key, x -> new AtomicInteger()).incrementAndGet();
                    firstBody.putIfAbsent(key, e != null ? String.valueOf(e.getMessage()) : abbreviate(answer));
                }
                inFlight.release();
                done.countDown();
            };
            if (raw != null) {
                raw.submit(RawPool.post(base, post, body, "Cookie", "JSESSIONID=" + s.cookie(), s.csrfHeader(), s.csrf()), finish);
            } else {
                HttpRequest req = HttpRequest.newBuilder(URI.create(base + post)).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json").header("Accept", "application/json")
                        .header("Cookie", "JSESSIONID=" + s.cookie()).header(s.csrfHeader(), s.csrf())
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                client.sendAsync(req, HttpResponse.BodyHandlers.ofString())
                        .whenComplete((r, e) -> finish.done(r == null ? -1 : r.statusCode(), r == null ? null : r.body(),
                                e == null ? null : e instanceof Exception x ? x : new RuntimeException(e)));
            }
        }
        long sentEnd = System.nanoTime();
        done.await(120, java.util.concurrent.TimeUnit.SECONDS);
        long allDone = System.nanoTime();
        String load1 = load();
        double cpu1 = cpu();
        double driver1 = driverCpu();
        double pg1 = postgresCpu();
        // the measured part: requests scheduled after the warm-up
        int n = total - warm;
        long[] lat = Arrays.copyOfRange(latency, warm, total);
        int ok = 0;
        for (int i = warm; i < total; i++) {
            if (status[i] == 201) {
                ok++;
            }
        }
        Arrays.sort(lat);
        long lastScheduled = t0 + (total - 1) * interval;
        long lastAnswer = lastScheduled + lat[n - 1];
        double window = (Math.max(lastAnswer, lastScheduled) - (t0 + warm * interval)) / 1e9;
        System.out.printf("intake %s: rate %d/s for %d s after %d s warm-up, %d firms (%.1f requests each), at most %d in flight, "
                + "%s client, load average %s -> %s%n", post, rate, seconds, warmupSeconds, users, (double) total / users, maxInFlight,
                raw != null ? "raw keep-alive" : "java.net.http", load0, load1);
        System.out.printf("%-10s %7s %7s %8s %8s %8s %8s %8s %9s%n", "", "sent", "ok", "errors", "p50 ms", "p95 ms", "p99 ms",
                "max ms", "ok req/s");
        System.out.printf("%-10s %7d %7d %8d %8.1f %8.1f %8.1f %8.1f %9.1f%n", "measured", n, ok, n - ok, pct(lat, 50), pct(lat, 95),
                pct(lat, 99), lat[n - 1] / 1e6, ok / window);
        System.out.printf("sending kept pace: schedule %.2f s, sent in %.2f s; all answered %.2f s after the last send%n",
                (total - 1) * interval / 1e9, (sentEnd - t0) / 1e9, (allDone - sentEnd) / 1e9);
        errors.forEach((k, v) -> System.out.printf("  errors %s: %d (first: %s)%n", k, v.get(), firstBody.get(k)));
        if (!Double.isNaN(cpu0) && !Double.isNaN(cpu1)) {
            double perRequest = (cpu1 - cpu0) / total;
            System.out.printf("platform CPU (user+system, all threads): %.1f s for %d requests = %.2f ms each, i.e. at most %.0f requests/s "
                    + "on 2 cores if the platform had them to itself%n", cpu1 - cpu0, total, perRequest * 1e3, 2 / perRequest);
            if (!Double.isNaN(cpuWarm[0])) {
                // after the warm-up the JIT has compiled most of the path: the steadier figure
                double measured = (cpu1 - cpuWarm[0]) / (total - nWarm[0]);
                System.out.printf("platform CPU after the warm-up (from the first measured send to the last answer): %.1f s for %d requests "
                        + "= %.2f ms each, i.e. at most %.0f requests/s on 2 cores%n", cpu1 - cpuWarm[0], total - nWarm[0],
                        measured * 1e3, 2 / measured);
                // the whole machine: the platform, the database's backends and this driver share the cores
                int m = total - nWarm[0];
                double driver = (driver1 - driverWarm[0]) / m;
                double pg = (pg1 - pgWarm[0]) / m;
                double all = measured + driver + (Double.isNaN(pg) ? 0 : pg);
                System.out.printf("CPU per request after the warm-up: platform %.2f ms + PostgreSQL processes %.2f ms + load driver "
                        + "%.2f ms = %.2f ms, i.e. at most %.0f requests/s on 2 cores shared by the three%n", measured * 1e3,
                        pg * 1e3, driver * 1e3, all * 1e3, 2 / all);
            }
        }
    }


    /** The end of one request: its status and body, or the exception that ended it. */
    interface RawDone {
        void done(int status, String body, Exception error);
    }

    /**
     * A lean HTTP/1.1 client for the intake (wrk-style, {@code --client raw}): one kept-alive socket
     * per worker thread, requests written as bytes, responses read by Content-Length or chunks. It
     * does per request a fraction of the work of java.net.http's client, which matters because the
     * driver shares the two cores with the platform and the database. No retries: a request that
     * fails on its connection is counted as an error.
     */
    static final class RawPool {
        private final String host;
        private final int port;
        private final java.util.concurrent.LinkedBlockingQueue<Object[]> jobs = new java.util.concurrent.LinkedBlockingQueue<>();

        RawPool(URI base, int connections) {
            host = base.getHost();
            port = base.getPort() < 0 ? 80 : base.getPort();
            for (int i = 0; i < connections; i++) {
                Thread t = new Thread(this::work, "raw-http-" + i);
                t.setDaemon(true);
                t.start();
            }
        }

        /** A POST of a JSON body with extra header pairs, as the bytes on the wire. */
        static byte[] post(String base, String path, String body, String... headers) {
            URI u = URI.create(base);
            byte[] b = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            StringBuilder h = new StringBuilder(256).append("POST ").append(path).append(" HTTP/1.1\r\nHost: ")
                    .append(u.getHost()).append(':').append(u.getPort())
                    .append("\r\nContent-Type: application/json\r\nAccept: application/json\r\n");
            for (int i = 0; i < headers.length; i += 2) {
                h.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            h.append("Content-Length: ").append(b.length).append("\r\n\r\n");
            byte[] head = h.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            byte[] all = Arrays.copyOf(head, head.length + b.length);
            System.arraycopy(b, 0, all, head.length, b.length);
            return all;
        }

        void submit(byte[] request, RawDone done) {
            jobs.add(new Object[] {request, done});
        }

        private void work() {
            java.net.Socket socket = null;
            java.io.InputStream in = null;
            java.io.OutputStream out = null;
            while (true) {
                Object[] job;
                try {
                    job = jobs.take();
                } catch (InterruptedException e) {
                    return;
                }
                RawDone done = (RawDone) job[1];
                int status = -1;
                String body = null;
                Exception error = null;
                try {
                    if (socket == null) {
                        socket = new java.net.Socket(host, port);
                        socket.setTcpNoDelay(true);
                        socket.setSoTimeout(30_000);
                        in = new java.io.BufferedInputStream(socket.getInputStream(), 16_384);
                        out = socket.getOutputStream();
                    }
                    out.write((byte[]) job[0]);
                    out.flush();
                    String statusLine = line(in);
                    String[] parts = statusLine.split(" ", 3);
                    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                        throw new java.io.IOException("not an HTTP response: " + statusLine);
                    }
                    status = Integer.parseInt(parts[1]);
                    long length = -1;
                    boolean chunked = false;
                    boolean close = false;
                    for (String l = line(in); !l.isEmpty(); l = line(in)) {
                        int colon = l.indexOf(':');
                        String name = colon < 0 ? l : l.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT);
                        String value = colon < 0 ? "" : l.substring(colon + 1).strip();
                        switch (name) {
                            case "content-length" -> length = Long.parseLong(value);
                            case "transfer-encoding" -> chunked = value.toLowerCase(java.util.Locale.ROOT).contains("chunked");
                            case "connection" -> close = value.equalsIgnoreCase("close");
                            default -> { }
                        }
                    }
                    java.io.ByteArrayOutputStream content = new java.io.ByteArrayOutputStream();
                    if (chunked) {
                        for (long size = Long.parseLong(line(in).split(";")[0].strip(), 16); size > 0;
                                size = Long.parseLong(line(in).split(";")[0].strip(), 16)) {
                            content.write(in.readNBytes((int) size));
                            line(in);
                        }
                        for (String l = line(in); !l.isEmpty(); l = line(in)) {
                            // trailers
                        }
                    } else if (length >= 0) {
                        content.write(in.readNBytes((int) length));
                    } else {
                        content.write(in.readAllBytes());
                        close = true;
                    }
                    body = content.toString(java.nio.charset.StandardCharsets.UTF_8);
                    if (close) {
                        socket.close();
                        socket = null;
                    }
                } catch (Exception e) {
                    error = e;
                    if (socket != null) {
                        try {
                            socket.close();
                        } catch (java.io.IOException ignored) {
                            // closing a broken connection
                        }
                    }
                    socket = null;
                }
                done.done(status, body, error);
            }
        }

        /** One header line without its CRLF; EOF before it is an error. */
        private static String line(java.io.InputStream in) throws java.io.IOException {
            StringBuilder b = new StringBuilder(64);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new java.io.EOFException("connection closed by the server");
                }
                if (c != '\r') {
                    b.append((char) c);
                }
            }
            return b.toString();
        }
    }
}
