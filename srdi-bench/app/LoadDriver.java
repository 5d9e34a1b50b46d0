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
 */
public class LoadDriver {

    static String base = "http://localhost:18090";
    static String user = "official";
    static String password = "srdi2026";
    /** Process id of the platform (--pid): its CPU seconds (user + system, /proc) are printed with each figure. */
    static long pid = -1;

    /** CPU seconds (user + system) the platform process has used so far, or NaN when unknown. */
    static double cpu() {
        if (pid <= 0) {
            return Double.NaN;
        }
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
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
                file = null, thenPost = null, contentType = null;
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
                case "--pid" -> { pid = Long.parseLong(v); i++; }
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        switch (mode) {
            case "pages" -> pages(paths, requests, concurrency, warmup, codes(seed, date, firms));
            case "post-poll" -> postPoll(post, HttpRequest.BodyPublishers.ofString(body),
                    contentType == null ? "application/json" : contentType, poll, done, thenPost);
            case "upload" -> upload(post, java.nio.file.Path.of(file), poll, done, thenPost);
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
}
