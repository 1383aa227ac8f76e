package io.github.dvcmaven.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on loopback in front of an HTTP server that misbehaves on purpose, one connection at a
 * time: the next connections can be answered with a 500, or have their response cut (TCP reset) after
 * some bytes. Connections without a queued fault pass through untouched.
 */
public final class FaultyProxy implements AutoCloseable {
    public enum Fault {
        HTTP_500,
        RESET_MID_RESPONSE,
        SLOW_DOWN_503,
        SLOW_RESPONSE
    }

    private final ServerSocket server;
    private final int targetPort;
    private final ConcurrentLinkedQueue<Fault> faults = new ConcurrentLinkedQueue<>();
    private volatile Fault always;
    private volatile int resetAfterBytes = 64 * 1024;
    private final Map<Fault, AtomicInteger> injectedByFault = new EnumMap<>(Fault.class);

    public FaultyProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        for (Fault f : Fault.values()) {
            injectedByFault.put(f, new AtomicInteger());
        }
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "faulty-proxy");
        t.setDaemon(true);
        t.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** The next {@code n} new connections get this fault. */
    public void next(int n, Fault fault) {
        for (int i = 0; i < n; i++) {
            faults.add(fault);
        }
    }

    /** Drops the queued faults no connection took. */
    public void clearQueued() {
        faults.clear();
    }

    /** Every connection gets this fault (null: none). */
    public void always(Fault fault) {
        always = fault;
    }

    public void resetAfterBytes(int bytes) {
        resetAfterBytes = bytes;
    }

    public int injected() {
        return injectedByFault.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /**
     * How many connections got {@code fault}. A fault that keeps its connection open (a slow answer)
     * lets the client reuse it, so fewer of the queued faults after it may be consumed.
     */
    public int injected(Fault fault) {
        return injectedByFault.get(fault).get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Fault fault = always != null ? always : faults.poll();
                Thread t = new Thread(() -> handle(client, fault), "faulty-proxy-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket client, Fault fault) {
        if (fault != null) {
            injectedByFault.get(fault).incrementAndGet();
        }
        try (client;
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
            if (fault == Fault.HTTP_500 || fault == Fault.SLOW_DOWN_503) {
                readHeaders(client.getInputStream());
                OutputStream out = client.getOutputStream();
                boolean slowDown = fault == Fault.SLOW_DOWN_503;
                String body = "<?xml version=\"1.0\"?><Error><Code>" + (slowDown ? "SlowDown" : "InternalError")
                        + "</Code><Message>injected</Message></Error>";
                out.write(("HTTP/1.1 " + (slowDown ? "503 Slow Down" : "500 Internal Server Error")
                                + "\r\nContent-Type: application/xml\r\nContent-Length: "
                                + body.length() + "\r\nConnection: close\r\n\r\n" + body)
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return;
            }
            if (fault == Fault.SLOW_RESPONSE) {
                try {
                    Thread.sleep(1500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            Thread up = new Thread(() -> pump(client, upstream, Long.MAX_VALUE, false));
            up.setDaemon(true);
            up.start();
            boolean cut = fault == Fault.RESET_MID_RESPONSE;
            pump(upstream, client, cut ? resetAfterBytes : Long.MAX_VALUE, cut);
        } catch (IOException e) {
            // the client or server went away: nothing to do
        }
    }

    private static void readHeaders(InputStream in) throws IOException {
        int state = 0;
        int b;
        while (state < 4 && (b = in.read()) >= 0) {
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3))
                    ? state + 1
                    : 0;
        }
    }

    private static void pump(Socket from, Socket to, long limit, boolean resetAtLimit) {
        byte[] buf = new byte[16 * 1024];
        long sent = 0;
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buf)) >= 0) {
                int allowed = (int) Math.min(n, limit - sent);
                out.write(buf, 0, allowed);
                out.flush();
                sent += allowed;
                if (sent >= limit) {
                    if (resetAtLimit) {
                        to.setSoLinger(true, 0);
                    }
                    to.close();
                    from.close();
                    return;
                }
            }
            to.shutdownOutput();
        } catch (IOException e) {
            try {
                to.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
