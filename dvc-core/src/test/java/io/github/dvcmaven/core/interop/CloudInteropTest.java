package io.github.dvcmaven.core.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dvcmaven.core.api.ImportUrlOptions;
import io.github.dvcmaven.core.api.PullOptions;
import io.github.dvcmaven.core.api.Repo;
import io.github.dvcmaven.core.api.RepoOptions;
import io.github.dvcmaven.core.api.SyncOptions;
import io.github.dvcmaven.core.testing.CloudServer;
import io.github.dvcmaven.core.testing.Datasets;
import io.github.dvcmaven.core.testing.DvcCli;
import io.github.dvcmaven.core.testing.ExternalTools;
import io.github.dvcmaven.core.testing.TreeSnapshot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real dvc and dvc-maven on one storage server: each pulls what the other pushed, both leave the
 * same objects on the remote, and each sees the other's remote as in sync.
 */
@Tag("interop")
abstract class CloudInteropTest {
    @TempDir
    Path tmp;

    DvcCli dvc;
    CloudServer server;

    protected abstract CloudServer start(Path dir) throws Exception;

    @BeforeEach
    void setUp() throws Exception {
        ExternalTools.dvcVenv();
        server = start(Files.createDirectories(tmp.resolve("server")));
        dvc = new DvcCli(tmp.resolve("cfg"));
        server.dvcEnv().forEach(dvc::withEnv);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private Repo open(Path dir) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(dvc.env());
        return Repo.open(dir, RepoOptions.defaults().withCwd(dir).withEnv(env));
    }

    @Test
    void eachToolPullsWhatTheOtherPushed() throws Exception {
        Path origin = Files.createDirectories(tmp.resolve("origin"));
        DvcCli.git(origin, "init", "-q");
        Datasets.writeMixed(origin, 2L << 20);
        dvc.ok(origin, "init", "-q");
        dvc.ok(origin, "add", "-q", "data", "single.txt");
        server.configureDvc(dvc, origin, "storage", "theirs");
        dvc.ok(origin, "push", "-q");
        DvcCli.git(origin, "add", "-A");
        DvcCli.git(origin, "commit", "-qm", "data");

        DvcCli.git(tmp, "clone", "-q", origin.toString(), "ours");
        Path ours = tmp.resolve("ours");
        server.configureDvc(dvc, ours, "storage", "theirs");
        try (Repo repo = open(ours)) {
            repo.pull(PullOptions.of(SyncOptions.of(List.of())));
            assertThat(repo.status(List.of()).isClean()).isTrue();
            assertThat(repo.cloudStatus(SyncOptions.of(List.of())).entries().stream()
                            .filter(e -> e.state() != null)
                            .toList())
                    .isEmpty();
        }
        assertThat(Files.readString(ours.resolve("data/nested/deeper/deepest/leaf.json")))
                .isEqualTo("{\"a\": 1}\n");

        server.configureDvc(dvc, ours, "storage", "ours");
        try (Repo repo = open(ours)) {
            assertThat(repo.push(SyncOptions.of(List.of()))).isPositive();
        }
        assertThat(server.keys("ours")).isNotEmpty().isEqualTo(server.keys("theirs"));

        DvcCli.git(tmp, "clone", "-q", origin.toString(), "theirs");
        Path theirs = tmp.resolve("theirs");
        server.configureDvc(dvc, theirs, "storage", "ours");
        dvc.ok(theirs, "pull", "-q");
        assertThat(TreeSnapshot.read(theirs.resolve("single.txt"))).isEqualTo("one file\n");
        assertThat(dvc.ok(theirs, "status", "-c").out()).contains("in sync");
    }

    /** The bucket's own checksums (S3's ETag, GCS's base64 etag, Azure's quoted one) recorded as dvc records them. */
    @Test
    void importUrlFromTheBucketWritesDvcsPointers() throws Exception {
        server.put("raw/churn.csv", "id,churn\n1,0\n".getBytes(StandardCharsets.UTF_8));
        server.put("raw/images/a.png", "png-a".getBytes(StandardCharsets.UTF_8));
        server.put("raw/images/sub/b.png", "png-b".getBytes(StandardCharsets.UTF_8));
        Path ours = dvc.initRepo(tmp.resolve("ours"));
        Path theirs = dvc.initRepo(tmp.resolve("theirs"));
        server.configureDvc(dvc, ours, "raw", "raw");
        server.configureDvc(dvc, theirs, "raw", "raw");
        try (Repo repo = open(ours)) {
            repo.importUrl(ImportUrlOptions.of("remote://raw/churn.csv"));
            repo.importUrl(ImportUrlOptions.of("remote://raw/images").withOut("imgs"));
        }
        dvc.ok(theirs, "import-url", "-q", "remote://raw/churn.csv");
        dvc.ok(theirs, "import-url", "-q", "remote://raw/images", "imgs");
        for (String f : List.of("churn.csv.dvc", "imgs.dvc")) {
            assertThat(TreeSnapshot.read(ours.resolve(f))).as(f).isEqualTo(TreeSnapshot.read(theirs.resolve(f)));
        }
        assertThat(TreeSnapshot.of(ours.resolve("imgs"))).isEqualTo(TreeSnapshot.of(theirs.resolve("imgs")));
        assertThat(dvc.ok(ours, "update", "churn.csv.dvc").out()).contains("didn't change");
    }
}
