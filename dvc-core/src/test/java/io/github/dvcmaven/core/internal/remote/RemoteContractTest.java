package io.github.dvcmaven.core.internal.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dvcmaven.core.api.HashInfo;
import io.github.dvcmaven.core.api.RepoListener;
import io.github.dvcmaven.core.internal.cache.ObjectStore;
import io.github.dvcmaven.core.internal.hash.DirManifest;
import io.github.dvcmaven.core.internal.hash.FileHasher;
import io.github.dvcmaven.core.testing.CloudServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every cloud remote must do, run against a real server on loopback: the transfer engine's
 * promises (only what is missing, .dir last, downloads verified, nothing half-installed) and the
 * remote's (listing, absence, clear errors that never show a secret).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RemoteContractTest {
    protected CloudServer server;
    private Path serverDir;

    @TempDir
    Path tmp;

    protected String prefix;
    protected final List<String> logs = Collections.synchronizedList(new ArrayList<>());
    protected final RepoListener listener = new RepoListener() {
        @Override
        public void log(Level level, String message) {
            logs.add(message);
        }
    };

    protected abstract CloudServer start(Path dir) throws Exception;

    @BeforeAll
    void startServer() throws Exception {
        serverDir = Files.createTempDirectory("dvc-remote-server");
        server = start(serverDir);
    }

    @AfterAll
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void freshPrefix() {
        prefix = "t-" + UUID.randomUUID();
        logs.clear();
    }

    protected Remote remote(boolean validCredentials) {
        Map<String, Object> opts = new LinkedHashMap<>(server.remoteOptions(validCredentials));
        opts.put("name", "storage");
        opts.put("url", server.url(prefix));
        return Remotes.open(opts, Map.of());
    }

    protected static HashInfo put(ObjectStore store, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        HashInfo h = HashInfo.md5(FileHasher.md5Hex(bytes));
        store.addBytes(bytes, h);
        return h;
    }

    private static long files(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void pushesFilesThenTheirDirObjectOnlyOnceAndFetchesEverythingVerified() throws Exception {
        ObjectStore local = new ObjectStore(tmp.resolve("cache"));
        HashInfo a = put(local, "alpha");
        HashInfo b = put(local, "beta");
        DirManifest m = new DirManifest(
                List.of(new DirManifest.Entry("a.txt", a.value()), new DirManifest.Entry("sub/b.txt", b.value())));
        local.addBytes(m.toBytes(), m.hash());
        HashInfo single = put(local, "single");
        try (Remote r = remote(true)) {
            Transfer.Result pushed = new Transfer(local, r, 4, listener).push(List.of(m.hash(), single));
            assertThat(pushed.transferred()).isEqualTo(4);
            assertThat(pushed.failed()).isEmpty();
            assertThat(server.keys(prefix))
                    .containsExactlyInAnyOrder(
                            Transfer.key(a), Transfer.key(b), Transfer.key(single), Transfer.key(m.hash()));
            assertThat(new Transfer(local, r, 4, listener)
                            .push(List.of(m.hash(), single))
                            .transferred())
                    .isZero();

            ObjectStore fresh = new ObjectStore(tmp.resolve("fresh"));
            Transfer.Result fetched = new Transfer(fresh, r, 4, listener).fetch(List.of(m.hash(), single));
            assertThat(fetched.transferred()).isEqualTo(4);
            assertThat(Files.readString(fresh.path(b))).isEqualTo("beta");
            assertThat(fresh.isValid(m.hash())).isTrue();
        }
    }

    @Test
    void aDirObjectIsNeverPushedWhenOneOfItsFilesIsMissing() throws Exception {
        ObjectStore local = new ObjectStore(tmp.resolve("cache"));
        HashInfo a = put(local, "alpha");
        String missing = FileHasher.md5Hex("never cached".getBytes(StandardCharsets.UTF_8));
        DirManifest m =
                new DirManifest(List.of(new DirManifest.Entry("a", a.value()), new DirManifest.Entry("b", missing)));
        local.addBytes(m.toBytes(), m.hash());
        try (Remote r = remote(true)) {
            Transfer.Result result = new Transfer(local, r, 2, listener).push(List.of(m.hash()));
            assertThat(result.missing()).extracting(HashInfo::value).containsExactly(missing);
            assertThat(result.failed()).containsKey(m.hash());
        }
        assertThat(server.keys(prefix)).containsExactly(Transfer.key(a));
    }

    @Test
    void anObjectWhoseBytesDoNotMatchItsNameIsRefusedAndNothingIsInstalled() throws Exception {
        HashInfo claimed = HashInfo.md5(FileHasher.md5Hex("the real content".getBytes(StandardCharsets.UTF_8)));
        server.put(prefix + "/" + Transfer.key(claimed), "tampered content".getBytes(StandardCharsets.UTF_8));
        ObjectStore fresh = new ObjectStore(tmp.resolve("fresh"));
        try (Remote r = remote(true)) {
            Transfer.Result result = new Transfer(fresh, r, 2, listener).fetch(List.of(claimed));
            assertThat(result.failed()).containsKey(claimed);
            assertThat(result.failed().get(claimed)).contains("has md5");
        }
        assertThat(fresh.exists(claimed)).isFalse();
        assertThat(files(tmp.resolve("fresh"))).isZero();
    }

    @Test
    void aDirManifestThatEscapesTheWorkspaceIsRefusedOnDownload() throws Exception {
        byte[] evil = "[{\"md5\": \"0cc175b9c0f1b6a831c399e269772661\", \"relpath\": \"../../outside\"}]"
                .getBytes(StandardCharsets.UTF_8);
        HashInfo dir = HashInfo.md5(FileHasher.md5Hex(evil) + ".dir");
        server.put(prefix + "/" + Transfer.key(dir), evil);
        ObjectStore fresh = new ObjectStore(tmp.resolve("fresh"));
        try (Remote r = remote(true)) {
            Transfer.Result result = new Transfer(fresh, r, 2, listener).fetch(List.of(dir));
            assertThat(result.failed()).containsKey(dir);
            assertThat(result.failed().get(dir)).contains("unsafe path");
        }
        assertThat(files(tmp.resolve("fresh"))).isZero();
    }

    @Test
    void absentObjectsAreReportedMissingNotFailed() throws Exception {
        HashInfo nowhere = HashInfo.md5(FileHasher.md5Hex("nowhere".getBytes(StandardCharsets.UTF_8)));
        try (Remote r = remote(true)) {
            assertThat(r.exists(Transfer.key(nowhere))).isFalse();
            assertThatThrownBy(() -> {
                        try (InputStream in = r.open(Transfer.key(nowhere))) {
                            in.readAllBytes();
                        }
                    })
                    .isInstanceOf(RemoteObjectMissingException.class);
            Transfer.Result result =
                    new Transfer(new ObjectStore(tmp.resolve("fresh")), r, 2, listener).fetch(List.of(nowhere));
            assertThat(result.missing()).containsExactly(nowhere);
            assertThat(result.failed()).isEmpty();
        }
    }

    @Test
    void listingIsRelativeToTheRemoteAndCrossesPages() throws Exception {
        int n = 1_050;
        for (int i = 0; i < n; i++) {
            server.put(prefix + "/files/md5/ab/" + String.format("%030d", i), new byte[] {(byte) i});
        }
        server.put(prefix + "/files/md5/cd/other", new byte[] {1});
        server.put(prefix + "-sibling/files/md5/ab/not-ours", new byte[] {1});
        try (Remote r = remote(true)) {
            Set<String> keys = r.list("files/md5/ab/");
            assertThat(keys).hasSize(n).contains("files/md5/ab/" + String.format("%030d", 7));
            assertThat(r.list("files/")).hasSize(n + 1);
        }
    }

    /** Subclasses whose server checks credentials call this from a test. */
    protected void assertWrongCredentialsFailClearlyWithoutPrintingTheSecret() throws Exception {
        ObjectStore local = new ObjectStore(tmp.resolve("cache"));
        HashInfo a = put(local, "alpha");
        Map<String, Object> wrong = server.remoteOptions(false);
        try (Remote r = remote(false)) {
            Transfer.Result result = new Transfer(local, r, 2, listener).push(List.of(a));
            assertThat(result.failed()).isNotEmpty();
            String message = String.join("\n", result.failed().values()) + String.join("\n", logs);
            assertThat(message).contains("remote 'storage'").contains("refused the credentials");
            for (String k : Remotes.SECRET_KEYS) {
                if (wrong.get(k) instanceof String secret) {
                    assertThat(message).doesNotContain(secret);
                }
            }
        }
        assertThat(server.keys(prefix)).isEmpty();
    }
}
