package cn.srdi.app.notification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny in-process SMTP server on 127.0.0.1 for tests: speaks enough of RFC 5321 (EHLO/HELO,
 * MAIL, RCPT, DATA, RSET, NOOP, QUIT) for JavaMail, keeps every accepted message (raw), and can
 * be told to refuse the next {@code n} messages with a 451 at end of DATA.
 */
final class TestSmtpServer implements AutoCloseable {

    /** One accepted message. */
    record Received(String from, List<String> to, String raw) {
    }

    private final ServerSocket socket;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger refuseNext = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final Thread acceptor;

    TestSmtpServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "test-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    List<Received> received() {
        return received;
    }

    int refused() {
        return refused.get();
    }

    void refuseNext(int n) {
        refuseNext.set(n);
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                Thread t = new Thread(() -> session(s), "test-smtp-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void session(Socket s) {
        try (s; var in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
             OutputStream out = s.getOutputStream()) {
            s.setSoTimeout(20000);
            reply(out, "220 test-smtp ready");
            String from = null;
            List<String> to = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String cmd = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
                switch (cmd) {
                    case "EHLO" -> reply(out, "250-test-smtp\r\n250 8BITMIME");
                    case "HELO" -> reply(out, "250 test-smtp");
                    case "MAIL" -> {
                        from = line.substring(line.indexOf(':') + 1).trim();
                        to = new ArrayList<>();
                        reply(out, "250 OK");
                    }
                    case "RCPT" -> {
                        to.add(line.substring(line.indexOf(':') + 1).trim());
                        reply(out, "250 OK");
                    }
                    case "DATA" -> {
                        reply(out, "354 end with .");
                        StringBuilder raw = new StringBuilder();
                        String l;
                        while ((l = in.readLine()) != null && !l.equals(".")) {
                            raw.append(l.startsWith("..") ? l.substring(1) : l).append("\r\n");
                        }
                        if (refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                            refused.incrementAndGet();
                            reply(out, "451 try again later");
                        } else {
                            received.add(new Received(from, List.copyOf(to), raw.toString()));
                            reply(out, "250 OK queued");
                        }
                    }
                    case "RSET" -> {
                        from = null;
                        to = new ArrayList<>();
                        reply(out, "250 OK");
                    }
                    case "NOOP" -> reply(out, "250 OK");
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "502 not implemented");
                }
            }
        } catch (IOException e) {
            // client went away
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
