package io.github.dvcmaven.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A forward HTTP proxy on loopback that records the request lines it relays (absolute-form, as a client
 * sends them to a proxy) and, when given a login, answers 407 to requests without its Basic credentials.
 * HTTP/1.1 servers accept absolute-form requests, so bytes are relayed unchanged after the first line.
 */
public final class ForwardProxy implements AutoCloseable {
    private final ServerSocket server;
    private final String expectedAuth;
    public final List<String> requests = new CopyOnWriteArrayList<>();
    public final List<String> refused = new CopyOnWriteArrayList<>();

    public ForwardProxy(String user, String password) throws IOException {
        this.expectedAuth = user == null
                ? null
                : "Basic "
                        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::accept, "forward-proxy");
        t.setDaemon(true);
        t.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread t = new Thread(() -> handle(client), "forward-proxy-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            byte[] head = readHead(in);
            String text = new String(head, StandardCharsets.ISO_8859_1);
            String requestLine = text.substring(0, text.indexOf("\r\n"));
            if (expectedAuth != null
                    && !text.toLowerCase(Locale.ROOT)
                            .contains("proxy-authorization: " + expectedAuth.toLowerCase(Locale.ROOT))) {
                refused.add(requestLine);
                client.getOutputStream()
                        .write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic"
                                        + " realm=\"test\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                return;
            }
            requests.add(requestLine);
            URI target = URI.create(requestLine.split(" ")[1]);
            try (Socket upstream = new Socket(target.getHost(), target.getPort())) {
                upstream.getOutputStream().write(head);
                Thread up = new Thread(() -> pump(in, upstream));
                up.setDaemon(true);
                up.start();
                pump(upstream.getInputStream(), client);
            }
        } catch (IOException | RuntimeException e) {
            // a client or server went away
        }
    }

    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int state = 0;
        int c;
        while (state < 4 && (c = in.read()) >= 0) {
            b.write(c);
            state = (c == '\r' && (state == 0 || state == 2)) || (c == '\n' && (state == 1 || state == 3))
                    ? state + 1
                    : 0;
        }
        return b.toByteArray();
    }

    private static void pump(InputStream from, Socket to) {
        try {
            OutputStream out = to.getOutputStream();
            byte[] buf = new byte[16384];
            int n;
            while ((n = from.read(buf)) >= 0) {
                out.write(buf, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            // closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
