package io.github.dvcmaven.core.internal.repo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dvcmaven.core.api.AddOptions;
import io.github.dvcmaven.core.api.GcOptions;
import io.github.dvcmaven.core.api.InitOptions;
import io.github.dvcmaven.core.api.PullOptions;
import io.github.dvcmaven.core.api.Repo;
import io.github.dvcmaven.core.api.RepoOptions;
import io.github.dvcmaven.core.api.SyncOptions;
import io.github.dvcmaven.core.internal.fs.StaleTemps;
import io.github.dvcmaven.core.internal.hash.FileHasher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a killed pull leaves (partial downloads in the cache, temp files among a directory's members,
 * a partial upload on a local remote) is cleared by the next run that holds the lock, and by gc; a temp
 * file a live writer may still be writing is left alone.
 */
class CrashLeftoversTest {
    @TempDir
    Path tmp;

    private static Path leftover(Path dir, String name, Instant when) throws Exception {
        Files.createDirectories(dir);
        Path p = Files.writeString(dir.resolve(name), "partial bytes of a killed run");
        Files.setLastModifiedTime(p, FileTime.from(when));
        return p;
    }

    private static long temps(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> StaleTemps.isTempName(p.getFileName().toString()))
                    .count();
        }
    }

    @Test
    void theNextPullAndGcClearWhatAKilledPullLeft() throws Exception {
        Path ws = Files.createDirectories(tmp.resolve("ws"));
        Repo.init(ws, InitOptions.defaults().withNoScm(true));
        Files.createDirectories(ws.resolve("data/sub"));
        Files.writeString(ws.resolve("data/a.txt"), "a");
        Files.writeString(ws.resolve("data/sub/b.txt"), "b");
        Files.writeString(ws.resolve("model.bin"), "model");
        RepoOptions options = RepoOptions.defaults().withCwd(ws).withEnv(Map.of());
        Path remote = tmp.resolve("remote");
        try (Repo repo = Repo.open(ws, options)) {
            repo.add(List.of("data", "model.bin"), AddOptions.defaults());
            repo.remotes().add("r", remote.toString());
            repo.remotes().setDefault("r");
            repo.push(SyncOptions.of(List.of()));
        }
        // a pull killed midway: some objects fetched, temps in the cache, the workspace and the remote
        Instant killed = Instant.now().minusSeconds(7200);
        Path cache = ws.resolve(".dvc/cache/files/md5");
        String someDir;
        try (Stream<Path> dirs = Files.list(cache)) {
            someDir = dirs.findFirst().orElseThrow().getFileName().toString();
        }
        leftover(cache.resolve(someDir), ".AAAAAAAAAAAAAAAAAAAAAA.tmp", killed);
        leftover(cache.resolve("zz"), ".BBBBBBBBBBBBBBBBBBBBBB.tmp", killed);
        leftover(ws.resolve("data/sub"), ".CCCCCCCCCCCCCCCCCCCCCC.tmp", killed);
        leftover(ws, ".DDDDDDDDDDDDDDDDDDDDDD.tmp", killed);
        String v2 = FileHasher.md5Hex("model v2".getBytes(StandardCharsets.UTF_8));
        Path remoteDir = remote.resolve("files/md5").resolve(v2.substring(0, 2)); // where the next push writes
        leftover(remoteDir, ".0f8fad5b-d9cb-469f-a165-70867728950e.tmp", killed);
        Path fresh = leftover(remoteDir, ".1f8fad5b-d9cb-469f-a165-70867728950e.tmp", Instant.now());
        Files.delete(ws.resolve("data/a.txt"));

        try (Repo repo = Repo.open(ws, options)) {
            repo.pull(PullOptions.of(SyncOptions.of(List.of())));
            assertThat(repo.status(List.of()).stageStatuses()).isEmpty();
        }
        assertThat(ws.resolve("data/a.txt")).hasContent("a");
        assertThat(temps(ws.resolve("data"))).isZero();
        assertThat(ws.resolve(".DDDDDDDDDDDDDDDDDDDDDD.tmp")).doesNotExist();
        assertThat(cache.resolve(someDir).resolve(".AAAAAAAAAAAAAAAAAAAAAA.tmp"))
                .as("in a directory the pull did not write to: left for gc")
                .exists();

        try (Repo repo = Repo.open(ws, options)) {
            repo.gc(new GcOptions(false, false, false, false, null, true));
            Files.writeString(ws.resolve("model.bin"), "model v2");
            repo.add(List.of("model.bin"), AddOptions.defaults());
            repo.push(SyncOptions.of(List.of()));
        }
        assertThat(temps(ws.resolve(".dvc/cache")))
                .as("gc clears the cache of them")
                .isZero();
        assertThat(remoteDir.resolve(".0f8fad5b-d9cb-469f-a165-70867728950e.tmp"))
                .doesNotExist();
        assertThat(fresh).as("a live writer's temp on a remote nobody locks").exists();
    }
}
