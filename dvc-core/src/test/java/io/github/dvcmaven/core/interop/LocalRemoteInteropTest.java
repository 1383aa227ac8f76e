package io.github.dvcmaven.core.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dvcmaven.core.api.DvcRenderer;
import io.github.dvcmaven.core.api.PullOptions;
import io.github.dvcmaven.core.api.Repo;
import io.github.dvcmaven.core.api.RepoOptions;
import io.github.dvcmaven.core.api.SyncOptions;
import io.github.dvcmaven.core.testing.Datasets;
import io.github.dvcmaven.core.testing.DvcCli;
import io.github.dvcmaven.core.testing.ExternalTools;
import io.github.dvcmaven.core.testing.IndependentJson;
import io.github.dvcmaven.core.testing.TreeSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A local remote shared by both tools: what one pushes the other pulls, and the remote trees match. */
@Tag("interop")
class LocalRemoteInteropTest {
    @TempDir
    Path tmp;

    DvcCli dvc;

    @BeforeEach
    void setUp() {
        ExternalTools.dvcVenv();
        dvc = new DvcCli(tmp.resolve("cfg"));
    }

    private Repo open(Path dir) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(dvc.env());
        return Repo.open(dir, RepoOptions.defaults().withCwd(dir).withEnv(env));
    }

    private Path origin() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("origin"));
        DvcCli.git(dir, "init", "-q");
        Datasets.writeMixed(dir, 3L << 20);
        dvc.ok(dir, "init", "-q");
        dvc.ok(dir, "add", "-q", "data", "single.txt");
        DvcCli.git(dir, "add", "-A");
        DvcCli.git(dir, "commit", "-qm", "data");
        return dir;
    }

    private Path cloneOf(Path origin, String name) {
        DvcCli.git(tmp, "clone", "-q", origin.toString(), name);
        return tmp.resolve(name);
    }

    @Test
    void whatDvcPushesWePullAndTheReverse() throws IOException {
        Path origin = origin();
        Path remoteTheirs = tmp.resolve("remote-theirs");
        Path remoteOurs = tmp.resolve("remote-ours");
        dvc.ok(origin, "remote", "add", "-d", "storage", remoteTheirs.toString());
        dvc.ok(origin, "push", "-q");

        Path clone = cloneOf(origin, "clone-ours");
        try (Repo repo = open(clone)) {
            repo.remotes().local().replace("storage", remoteTheirs.toString());
            repo.remotes().local().setDefault("storage");
            repo.pull(PullOptions.of(SyncOptions.of(List.of())));
            assertThat(repo.status(List.of()).isClean()).isTrue();
        }
        assertThat(TreeSnapshot.of(clone.resolve("data")).keySet())
                .isEqualTo(withoutEmptyDirs(TreeSnapshot.of(origin.resolve("data")))
                        .keySet());

        try (Repo repo = open(origin)) {
            repo.remotes().add("ours", remoteOurs.toString());
            assertThat(repo.push(SyncOptions.of(List.of()).withRemote("ours"))).isPositive();
            assertThat(repo.push(SyncOptions.of(List.of()).withRemote("ours"))).isZero();
        }
        assertThat(TreeSnapshot.of(remoteOurs)).isEqualTo(TreeSnapshot.of(remoteTheirs));

        DvcCli.git(origin, "add", "-A");
        DvcCli.git(origin, "commit", "-qm", "remote");
        Path dvcClone = cloneOf(origin, "clone-theirs");
        dvc.ok(dvcClone, "pull", "-q", "-r", "ours");
        assertThat(dvc.ok(dvcClone, "status").out()).contains("Data and pipelines are up to date.");
    }

    @Test
    void cloudStatusMatchesDvc() throws IOException {
        Path origin = origin();
        Path remote = tmp.resolve("remote");
        dvc.ok(origin, "remote", "add", "-d", "storage", remote.toString());
        dvc.ok(origin, "push", "-q", "single.txt.dvc");
        String theirs = dvc.ok(origin, "status", "-c", "--json").out();
        try (Repo repo = open(origin)) {
            String json = DvcRenderer.json(repo.cloudStatus(SyncOptions.of(List.of())));
            @SuppressWarnings("unchecked")
            Map<String, String> ours = (Map<String, String>) IndependentJson.parse(json);
            assertThat((Object) ours).isEqualTo(IndependentJson.parse(theirs));
            assertThat(ours).containsEntry("data", "new").doesNotContainKey("single.txt");
        }
    }

    private static Map<String, String> withoutEmptyDirs(Map<String, String> snapshot) {
        Map<String, String> copy = new TreeMap<>(snapshot);
        copy.remove("empty-dir");
        return copy;
    }
}
