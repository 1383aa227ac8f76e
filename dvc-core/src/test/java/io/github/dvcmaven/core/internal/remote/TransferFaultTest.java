package io.github.dvcmaven.core.internal.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dvcmaven.core.api.HashInfo;
import io.github.dvcmaven.core.api.RepoListener;
import io.github.dvcmaven.core.internal.cache.ObjectStore;
import io.github.dvcmaven.core.internal.hash.FileHasher;
import io.github.dvcmaven.core.testing.Datasets;
import io.github.dvcmaven.core.testing.FaultyProxy;
import io.github.dvcmaven.core.testing.S3ProxyServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transfers through a proxy that answers 500 or cuts responses: retried to success, or failed with nothing corrupt. */
class TransferFaultTest {
    @TempDir
    Path tmp;

    S3ProxyServer s3;
    FaultyProxy proxy;
    final RepoListener listener = new RepoListener() {};

    @BeforeEach
    void start() throws Exception {
        s3 = new S3ProxyServer();
        proxy = new FaultyProxy(URI.create(s3.endpoint()).getPort());
    }

    @AfterEach
    void stop() throws Exception {
        proxy.close();
        s3.close();
    }

    private Remote remote() {
        Map<String, Object> opts = new LinkedHashMap<>(s3.remoteOptions(true));
        opts.put("endpointurl", proxy.endpoint());
        opts.put("name", "flaky");
        opts.put("url", s3.url("faults"));
        opts.put("read_timeout", "10");
        return Remotes.open(opts, Map.of());
    }

    private List<HashInfo> cacheSome(ObjectStore store, int n, long size) throws Exception {
        List<HashInfo> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path f = tmp.resolve("src" + i);
            Datasets.writeRandom(f, size, 1000 + i);
            HashInfo h = HashInfo.md5(FileHasher.hash(f, HashInfo.MD5));
            store.addFile(f, h, false);
            out.add(h);
        }
        return out;
    }

    private static long strayFiles(Path cacheRoot) throws Exception {
        if (!Files.exists(cacheRoot)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(cacheRoot)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().startsWith("."))
                    .count();
        }
    }

    @Test
    void serverErrorsAreRetriedUntilEverythingIsPushed() throws Exception {
        ObjectStore local = new ObjectStore(tmp.resolve("cache"));
        List<HashInfo> objects = cacheSome(local, 6, 10_000);
        proxy.next(3, FaultyProxy.Fault.HTTP_500);
        try (Remote r = remote()) {
            Transfer.Result result = new Transfer(local, r, 2, listener).push(objects);
            assertThat(result.failed()).isEmpty();
            assertThat(result.transferred()).isEqualTo(6);
        }
        assertThat(proxy.injected()).isEqualTo(3);
        assertThat(s3.keys("faults")).hasSize(6);
    }

    @Test
    void aDownloadCutMidwayIsRetriedAndVerified() throws Exception {
        ObjectStore local = new ObjectStore(tmp.resolve("cache"));
        List<HashInfo> objects = cacheSome(local, 1, 3L << 20);
        try (Remote r = remote()) {
            assertThat(new Transfer(local, r, 1, listener).push(objects).failed())
                    .isEmpty();
        }
        ObjectStore fresh = new ObjectStore(tmp.resolve("fresh"));
        proxy.resetAfterBytes(1 << 20);
        proxy.next(2, FaultyProxy.Fault.RESET_MID_RESPONSE);
        try (Remote r = remote()) {
            Transfer.Result result = new Transfer(fresh, r, 1, listener).fetch(objects);
            assertThat(result.failed()).isEmpty();
            assertThat(result.transferred()).isEqualTo(1);
        }
        assertThat(proxy.injected()).isGreaterThanOrEqualTo(1);
        assertThat(fresh.verifyContent(objects.get(0))).isTrue();
        assertThat(strayFiles(tmp.resolve("fresh"))).isZero();
    }

    @Test
    void aTransferThatKeepsFailingLeavesNothingCorruptAndARerunCompletesIt() throws Exception {
        ObjectStore local = new ObjectStore(tmp.resolve("cache"));
        List<HashInfo> objects = cacheSome(local, 3, 2L << 20);
        try (Remote r = remote()) {
            assertThat(new Transfer(local, r, 2, listener).push(objects).failed())
                    .isEmpty();
        }
        ObjectStore fresh = new ObjectStore(tmp.resolve("fresh"));
        proxy.resetAfterBytes(512 * 1024);
        proxy.always(FaultyProxy.Fault.RESET_MID_RESPONSE);
        try (Remote r = remote()) {
            Transfer.Result result = new Transfer(fresh, r, 2, listener).fetch(objects);
            assertThat(result.failed()).hasSize(3);
            assertThat(String.join("\n", result.failed().values()))
                    .contains("remote 'flaky'")
                    .doesNotContain(S3ProxyServer.SECRET_KEY);
        }
        for (HashInfo h : objects) {
            assertThat(fresh.exists(h)).isFalse();
        }
        assertThat(strayFiles(tmp.resolve("fresh"))).isZero();

        proxy.always(null);
        try (Remote r = remote()) {
            Transfer.Result result = new Transfer(fresh, r, 2, listener).fetch(objects);
            assertThat(result.failed()).isEmpty();
            assertThat(result.transferred()).isEqualTo(3);
        }
        for (HashInfo h : objects) {
            assertThat(fresh.verifyContent(h)).isTrue();
        }
    }

    @Test
    void throttlingAndSlowAnswersDelayAPushAndPullButBothCompleteVerified() throws Exception {
        ObjectStore local = new ObjectStore(tmp.resolve("cache"));
        List<HashInfo> objects = cacheSome(local, 8, 20_000);
        proxy.next(4, FaultyProxy.Fault.SLOW_DOWN_503);
        proxy.next(2, FaultyProxy.Fault.SLOW_RESPONSE);
        try (Remote r = remote()) {
            Transfer.Result result = new Transfer(local, r, 2, listener).push(objects);
            assertThat(result.failed()).isEmpty();
            assertThat(result.transferred()).isEqualTo(8);
        }
        ObjectStore fresh = new ObjectStore(tmp.resolve("fresh"));
        proxy.clearQueued();
        proxy.next(3, FaultyProxy.Fault.SLOW_DOWN_503);
        proxy.next(2, FaultyProxy.Fault.SLOW_RESPONSE);
        try (Remote r = remote()) {
            Transfer.Result result = new Transfer(fresh, r, 2, listener).fetch(objects);
            assertThat(result.failed()).isEmpty();
        }
        // each 503 closes its connection, so every one queued is served; a slow answer's connection is
        // kept alive and may carry the requests the second slow one was queued for
        assertThat(proxy.injected(FaultyProxy.Fault.SLOW_DOWN_503)).isEqualTo(7);
        assertThat(proxy.injected(FaultyProxy.Fault.SLOW_RESPONSE)).isBetween(2, 4);
        for (HashInfo h : objects) {
            assertThat(fresh.verifyContent(h)).isTrue();
        }
        assertThat(strayFiles(tmp.resolve("fresh"))).isZero();
    }
}
