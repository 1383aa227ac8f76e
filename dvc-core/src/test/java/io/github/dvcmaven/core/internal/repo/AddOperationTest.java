package io.github.dvcmaven.core.internal.repo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dvcmaven.core.api.AddOptions;
import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.InitOptions;
import io.github.dvcmaven.core.api.Repo;
import io.github.dvcmaven.core.api.RepoOptions;
import io.github.dvcmaven.core.internal.hash.FileHasher;
import io.github.dvcmaven.core.testing.LiveThreads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A big file named directly starts being read before the repository lock is taken, and only read. */
class AddOperationTest {
    @TempDir
    Path tmp;

    @Test
    void aBigFileIsHashedWhileTheLockIsAwaitedAndNothingIsWrittenWithoutIt() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("ws"));
        Repo.init(dir, InitOptions.defaults().withNoScm(true));
        byte[] content = new byte[96 << 20];
        new Random(3).nextBytes(content);
        Files.write(dir.resolve("big.bin"), content);
        RepoOptions options = RepoOptions.defaults().withCwd(dir).withEnv(Map.of());

        CompletableFuture<Object> blocked;
        boolean seenWhileLocked = false;
        try (RepoLock held = RepoLock.acquire(dir.resolve(".dvc"))) {
            blocked = CompletableFuture.supplyAsync(() -> {
                try (Repo repo = Repo.open(dir, options)) {
                    return repo.add(List.of("big.bin"), AddOptions.defaults());
                } catch (DvcException e) {
                    return e;
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (!seenWhileLocked && !blocked.isDone() && System.nanoTime() < deadline) {
                seenWhileLocked = LiveThreads.anyNamed("dvc-hash-ahead");
                Thread.onSpinWait();
            }
            assertThat(seenWhileLocked)
                    .as("reading began before the lock was free")
                    .isTrue();
            // the lock stays held until the add gives up
            assertThat(blocked.get(20, TimeUnit.SECONDS))
                    .isInstanceOf(DvcException.class)
                    .asString()
                    .contains("Unable to acquire lock");
        }
        assertThat(LiveThreads.anyNamed("dvc-hash-ahead"))
                .as("stopped when the add failed")
                .isFalse();
        assertThat(dir.resolve("big.bin.dvc")).doesNotExist();
        try (var cache = Files.walk(dir.resolve(".dvc"))) {
            assertThat(cache.filter(p -> p.startsWith(dir.resolve(".dvc/cache")) && Files.isRegularFile(p)))
                    .isEmpty();
        }

        try (Repo repo = Repo.open(dir, options)) {
            repo.add(List.of("big.bin"), AddOptions.defaults());
        }
        String md5 = FileHasher.md5Hex(content);
        assertThat(Files.readString(dir.resolve("big.bin.dvc"))).contains("md5: " + md5);
        assertThat(dir.resolve(".dvc/cache/files/md5/" + md5.substring(0, 2) + "/" + md5.substring(2)))
                .hasBinaryContent(content);
    }
}
