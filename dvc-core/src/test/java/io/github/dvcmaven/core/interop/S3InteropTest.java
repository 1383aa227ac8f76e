package io.github.dvcmaven.core.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dvcmaven.core.repo.Repo;
import io.github.dvcmaven.core.repo.RepoOptions;
import io.github.dvcmaven.core.testing.Datasets;
import io.github.dvcmaven.core.testing.DvcCli;
import io.github.dvcmaven.core.testing.ExternalTools;
import io.github.dvcmaven.core.testing.S3ProxyServer;
import io.github.dvcmaven.core.testing.TreeSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dvc[s3] and dvc-maven on one S3 server (S3Proxy on loopback): each pulls what the other pushed. */
@Tag("interop")
class S3InteropTest {
    @TempDir
    Path tmp;
    DvcCli dvc;
    S3ProxyServer server;

    @BeforeEach
    void setUp() throws Exception {
        ExternalTools.dvcVenv();
        // botocore's new default checksums are not understood by many S3-compatible servers
        dvc = new DvcCli(tmp.resolve("cfg"))
                .withEnv("AWS_REQUEST_CHECKSUM_CALCULATION", "when_required")
                .withEnv("AWS_RESPONSE_CHECKSUM_VALIDATION", "when_required");
        server = new S3ProxyServer();
        server.createBucket("dvc-lab-cache");
    }

    @AfterEach
    void tearDown() throws Exception {
        server.close();
    }

    private Repo open(Path dir) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(dvc.env());
        return Repo.open(dir, RepoOptions.defaults().withCwd(dir).withEnv(env));
    }

    private void configure(Path dir, String prefix) {
        dvc.ok(dir, "remote", "add", "-f", "-d", "minio", "s3://dvc-lab-cache/" + prefix);
        dvc.ok(dir, "remote", "modify", "minio", "endpointurl", server.endpoint());
        dvc.ok(dir, "remote", "modify", "--local", "minio", "access_key_id", S3ProxyServer.ACCESS_KEY);
        dvc.ok(dir, "remote", "modify", "--local", "minio", "secret_access_key", S3ProxyServer.SECRET_KEY);
    }

    private TreeSet<String> keys(String prefix) {
        TreeSet<String> keys = new TreeSet<>();
        server.blobs().list("dvc-lab-cache", org.jclouds.blobstore.options.ListContainerOptions.Builder.recursive())
                .forEach(m -> {
                    if (m.getName().startsWith(prefix)) {
                        keys.add(m.getName().substring(prefix.length()));
                    }
                });
        return keys;
    }

    @Test
    void eachToolPullsWhatTheOtherPushed() throws IOException {
        Path origin = Files.createDirectories(tmp.resolve("origin"));
        DvcCli.git(origin, "init", "-q");
        Datasets.writeMixed(origin, 2L << 20);
        dvc.ok(origin, "init", "-q");
        dvc.ok(origin, "add", "-q", "data", "single.txt");
        configure(origin, "theirs");
        dvc.ok(origin, "push", "-q");
        DvcCli.git(origin, "add", "-A");
        DvcCli.git(origin, "commit", "-qm", "data");

        DvcCli.git(tmp, "clone", "-q", origin.toString(), "ours");
        Path ours = tmp.resolve("ours");
        configure(ours, "theirs");
        try (Repo repo = open(ours)) {
            repo.pull(List.of(), null, false, false);
            assertThat(repo.status(List.of()).isClean()).isTrue();
            assertThat(repo.cloudStatus(List.of(), null)).isEmpty();
        }
        assertThat(Files.readString(ours.resolve("data/nested/deeper/deepest/leaf.json"))).isEqualTo("{\"a\": 1}\n");

        configure(ours, "ours");
        try (Repo repo = open(ours)) {
            assertThat(repo.push(List.of(), null, false)).isPositive();
        }
        assertThat(keys("ours/")).isEqualTo(keys("theirs/"));

        DvcCli.git(tmp, "clone", "-q", origin.toString(), "theirs");
        Path theirs = tmp.resolve("theirs");
        configure(theirs, "ours");
        dvc.ok(theirs, "pull", "-q");
        assertThat(TreeSnapshot.read(theirs.resolve("single.txt"))).isEqualTo("one file\n");
        assertThat(dvc.ok(theirs, "status", "-c").out()).contains("in sync");
    }
}
