package io.github.dvcmaven.core.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dvcmaven.core.api.GcOptions;
import io.github.dvcmaven.core.api.GcResult;
import io.github.dvcmaven.core.api.Repo;
import io.github.dvcmaven.core.api.RepoOptions;
import io.github.dvcmaven.core.testing.Datasets;
import io.github.dvcmaven.core.testing.DvcCli;
import io.github.dvcmaven.core.testing.ExternalTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gc against dvc gc on copies of one history (three commits, a branch, a tag): for each scope the
 * objects left in the cache are exactly the ones dvc leaves, and a dry run deletes nothing.
 */
@Tag("interop")
class GcInteropTest {
    @TempDir
    Path tmp;

    DvcCli dvc;
    Path origin;

    @BeforeEach
    void history() throws IOException {
        ExternalTools.dvcVenv();
        dvc = new DvcCli(tmp.resolve("cfg"));
        origin = Files.createDirectories(tmp.resolve("origin"));
        DvcCli.git(origin, "init", "-q", "-b", "main");
        dvc.ok(origin, "init", "-q");
        Files.createDirectories(origin.resolve("data/sub"));
        Files.writeString(origin.resolve("data/sub/a.csv"), "1\n");
        Files.writeString(origin.resolve("model.bin"), "v1");
        dvc.ok(origin, "add", "-q", "data", "model.bin");
        commit("v1");
        DvcCli.git(origin, "tag", "v1");
        Files.writeString(origin.resolve("data/sub/b.csv"), "2\n");
        Files.writeString(origin.resolve("model.bin"), "v2");
        dvc.ok(origin, "add", "-q", "data", "model.bin");
        commit("v2");
        DvcCli.git(origin, "checkout", "-q", "-b", "experiment");
        Files.writeString(origin.resolve("model.bin"), "experiment");
        dvc.ok(origin, "add", "-q", "model.bin");
        commit("experiment");
        DvcCli.git(origin, "checkout", "-q", "main");
        dvc.ok(origin, "checkout", "-q", "-f");
        Files.writeString(origin.resolve("model.bin"), "v3 (workspace, committed to the cache only)");
        dvc.ok(origin, "add", "-q", "model.bin");
        Files.writeString(origin.resolve("model.bin"), "v4");
        dvc.ok(origin, "add", "-q", "model.bin");
    }

    private void commit(String message) {
        DvcCli.git(origin, "add", "-A");
        DvcCli.git(origin, "commit", "-qm", message);
    }

    private Path copy(String name) {
        Path to = tmp.resolve(name);
        Datasets.copyTree(origin, to);
        return to;
    }

    private static SortedSet<String> cache(Path repo) throws IOException {
        Path root = repo.resolve(".dvc/cache");
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString())
                    .filter(p -> !p.startsWith("runs"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private GcResult ours(Path repo, GcOptions opts) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(dvc.env());
        try (Repo r = Repo.open(repo, RepoOptions.defaults().withCwd(repo).withEnv(env))) {
            return r.gc(opts);
        }
    }

    @Test
    void eachScopeLeavesExactlyWhatDvcLeaves() throws IOException {
        SortedSet<String> before = cache(origin);
        @SuppressWarnings("ArrayRecordComponent") // a row of the test's table
        record Scope(String[] dvcFlags, GcOptions ours) {}
        List<Scope> scopes = List.of(
                new Scope(new String[] {"-w"}, new GcOptions(false, false, false, false, null, true)),
                new Scope(new String[] {"-w", "-a"}, new GcOptions(true, false, false, false, null, true)),
                new Scope(new String[] {"-w", "-T"}, new GcOptions(false, true, false, false, null, true)),
                new Scope(new String[] {"-w", "-A"}, new GcOptions(false, false, true, false, null, true)));
        int n = 0;
        for (Scope s : scopes) {
            Path theirs = copy("theirs" + n);
            Path mine = copy("mine" + n);
            n++;
            String[] args = new String[s.dvcFlags().length + 3];
            args[0] = "gc";
            args[1] = "-f";
            args[2] = "-q";
            System.arraycopy(s.dvcFlags(), 0, args, 3, s.dvcFlags().length);
            dvc.ok(theirs, args);
            GcResult result = ours(mine, s.ours());
            assertThat(cache(mine))
                    .as("scope %s", String.join(" ", s.dvcFlags()))
                    .isEqualTo(cache(theirs));
            assertThat(result.cacheObjects())
                    .hasSize(before.size() - cache(mine).size());
        }
        assertThat(cache(copy("dry"))).isEqualTo(before);
        Path dry = tmp.resolve("dry");
        GcResult wouldGo = ours(dry, GcOptions.workspace());
        assertThat(wouldGo.dryRun()).isTrue();
        assertThat(wouldGo.cacheObjects()).isNotEmpty();
        assertThat(cache(dry)).isEqualTo(before);
        assertThat(dvc.ok(dry, "status").out()).contains("up to date");
    }

    @Test
    void cloudGcLeavesTheRemoteDvcLeaves() throws IOException {
        Path remote = tmp.resolve("remote");
        dvc.ok(origin, "remote", "add", "-d", "store", remote.toString());
        // the remote holds every object ever cached (its layout is the cache's)
        Datasets.copyTree(origin.resolve(".dvc/cache/files"), remote.resolve("files"));
        Path theirs = copy("theirs");
        Path mine = copy("mine");
        Datasets.copyTree(remote, tmp.resolve("remote-theirs"));
        Datasets.copyTree(remote, tmp.resolve("remote-mine"));
        dvc.ok(
                theirs,
                "remote",
                "modify",
                "store",
                "url",
                tmp.resolve("remote-theirs").toString());
        dvc.ok(
                mine,
                "remote",
                "modify",
                "store",
                "url",
                tmp.resolve("remote-mine").toString());
        dvc.ok(theirs, "gc", "-f", "-q", "-w", "-T", "-c");
        GcResult result = ours(mine, new GcOptions(false, true, false, true, null, true));
        assertThat(result.remoteObjects()).isNotEmpty();
        assertThat(files(tmp.resolve("remote-mine")))
                .isEqualTo(files(tmp.resolve("remote-theirs")))
                .hasSizeLessThan(files(remote).size());
    }

    private static SortedSet<String> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
