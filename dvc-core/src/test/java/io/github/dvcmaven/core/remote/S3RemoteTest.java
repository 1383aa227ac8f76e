package io.github.dvcmaven.core.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dvcmaven.core.cache.ObjectStore;
import io.github.dvcmaven.core.event.RepoListener;
import io.github.dvcmaven.core.hash.DirManifest;
import io.github.dvcmaven.core.hash.FileHasher;
import io.github.dvcmaven.core.hash.HashInfo;
import io.github.dvcmaven.core.testing.S3ProxyServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jclouds.blobstore.domain.Blob;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The S3 remote and the transfer engine against a real S3 server (S3Proxy, in-process, loopback). */
class S3RemoteTest {
    @TempDir
    Path tmp;
    S3ProxyServer server;
    final List<String> logs = new ArrayList<>();
    final RepoListener listener = new RepoListener() {
        @Override
        public void log(Level level, String message) {
            logs.add(message);
        }
    };

    @BeforeEach
    void start() throws Exception {
        server = new S3ProxyServer();
        server.createBucket("bucket");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private Remote remote(String secret) {
        Map<String, Object> opts = new LinkedHashMap<>();
        opts.put("name", "storage");
        opts.put("url", "s3://bucket/some/prefix");
        opts.put("endpointurl", server.endpoint());
        opts.put("access_key_id", S3ProxyServer.ACCESS_KEY);
        opts.put("secret_access_key", secret);
        Remotes.registerSecret(secret);
        return Remotes.open(opts, Map.of());
    }

    private HashInfo put(ObjectStore store, String content) throws IOException {
        HashInfo h = HashInfo.md5(FileHasher.md5Hex(content.getBytes(StandardCharsets.UTF_8)));
        store.addBytes(content.getBytes(StandardCharsets.UTF_8), h);
        return h;
    }

    @Test
    void pushesFilesThenTheirDirObjectAndFetchesEverythingVerified() throws IOException {
        ObjectStore local = new ObjectStore(tmp.resolve("cache"));
        HashInfo a = put(local, "alpha");
        HashInfo b = put(local, "beta");
        DirManifest m = new DirManifest(List.of(new DirManifest.Entry("a.txt", a.value()), new DirManifest.Entry("sub/b.txt", b.value())));
        local.addBytes(m.toBytes(), m.hash());
        HashInfo single = put(local, "single");
        try (Remote r = remote(S3ProxyServer.SECRET_KEY)) {
            Transfer.Result pushed = new Transfer(local, r, 4, listener).push(List.of(m.hash(), single));
            assertThat(pushed.transferred()).isEqualTo(4);
            assertThat(pushed.failed()).isEmpty();
            assertThat(r.list("files/md5/")).contains("files/md5/" + m.hash().value().substring(0, 2) + "/"
                    + m.hash().value().substring(2));
            assertThat(server.blobs().blobExists("bucket", "some/prefix/" + Transfer.key(a))).isTrue();
            assertThat(new Transfer(local, r, 4, listener).push(List.of(m.hash(), single)).transferred()).isZero();

            ObjectStore fresh = new ObjectStore(tmp.resolve("fresh"));
            Transfer.Result fetched = new Transfer(fresh, r, 4, listener).fetch(List.of(m.hash(), single));
            assertThat(fetched.transferred()).isEqualTo(4);
            assertThat(Files.readString(fresh.path(b))).isEqualTo("beta");
            assertThat(fresh.isValid(m.hash())).isTrue();
        }
    }

    @Test
    void aDirObjectIsNeverPushedWhenOneOfItsFilesIsMissing() throws IOException {
        ObjectStore local = new ObjectStore(tmp.resolve("cache"));
        HashInfo a = put(local, "alpha");
        String missing = FileHasher.md5Hex("never cached".getBytes(StandardCharsets.UTF_8));
        DirManifest m = new DirManifest(List.of(new DirManifest.Entry("a", a.value()), new DirManifest.Entry("b", missing)));
        local.addBytes(m.toBytes(), m.hash());
        try (Remote r = remote(S3ProxyServer.SECRET_KEY)) {
            Transfer.Result result = new Transfer(local, r, 2, listener).push(List.of(m.hash()));
            assertThat(result.missing()).extracting(HashInfo::value).containsExactly(missing);
            assertThat(r.exists(Transfer.key(a))).isTrue();
            assertThat(r.exists(Transfer.key(m.hash()))).isFalse();
            assertThat(result.failed()).containsKey(m.hash());
        }
    }

    @Test
    void anObjectWhoseBytesDoNotMatchItsNameIsRefusedAndNothingIsInstalled() throws IOException {
        HashInfo claimed = HashInfo.md5(FileHasher.md5Hex("the real content".getBytes(StandardCharsets.UTF_8)));
        Blob blob = server.blobs().blobBuilder("some/prefix/" + Transfer.key(claimed))
                .payload("tampered content".getBytes(StandardCharsets.UTF_8)).build();
        server.blobs().putBlob("bucket", blob);
        ObjectStore fresh = new ObjectStore(tmp.resolve("fresh"));
        try (Remote r = remote(S3ProxyServer.SECRET_KEY)) {
            Transfer.Result result = new Transfer(fresh, r, 2, listener).fetch(List.of(claimed));
            assertThat(result.failed()).containsKey(claimed);
            assertThat(result.failed().get(claimed)).contains("has md5");
        }
        assertThat(fresh.exists(claimed)).isFalse();
        assertThat(tmp.resolve("fresh")).satisfiesAnyOf(p -> assertThat(p).doesNotExist(),
                p -> assertThat(Files.walk(p).filter(Files::isRegularFile).count()).isZero());
    }

    @Test
    void wrongCredentialsFailClearlyWithoutPrintingTheSecret() throws IOException {
        String wrong = "wrongSecretThatMustNotAppearAnywhere99";
        ObjectStore local = new ObjectStore(tmp.resolve("cache"));
        HashInfo a = put(local, "alpha");
        try (Remote r = remote(wrong)) {
            Transfer.Result result = new Transfer(local, r, 2, listener).push(List.of(a));
            assertThat(result.failed()).isNotEmpty();
            String message = String.join("\n", result.failed().values()) + String.join("\n", logs);
            assertThat(message).contains("remote 'storage'").contains("refused the credentials").doesNotContain(wrong);
        }
    }

    @Test
    void aManifestWithEscapingPathsIsRefused() {
        assertThatThrownBy(() -> ObjectStore.parseManifest("[{\"md5\": \"0cc175b9c0f1b6a831c399e269772661\", \"relpath\": \"../../etc/x\"}]", "x.dir"))
                .hasMessageContaining("unsafe path");
        assertThatThrownBy(() -> ObjectStore.parseManifest("[{\"md5\": \"0cc175b9c0f1b6a831c399e269772661\", \"relpath\": \"/abs\"}]", "x.dir"))
                .hasMessageContaining("unsafe path");
    }
}
