package io.github.dvcmaven.core.bench;

import io.github.dvcmaven.core.testing.S3ProxyServer;
import java.nio.file.Path;

/** For bench/bench-remote.sh: S3Proxy storing under a directory (or in memory), on a loopback port until killed. */
public final class S3ServerMain {
    private S3ServerMain() {}

    public static void main(String[] args) throws Exception {
        S3ProxyServer server = new S3ProxyServer(
                Integer.parseInt(args[0]), args.length > 1 && !args[1].equals("memory") ? Path.of(args[1]) : null);
        System.out.println(server.endpoint());
        System.out.flush();
        Thread.currentThread().join();
    }
}
