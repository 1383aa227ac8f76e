package io.github.dvcmaven.core.internal.repo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dvcmaven.core.api.AddOptions;
import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.InitOptions;
import io.github.dvcmaven.core.api.Repo;
import io.github.dvcmaven.core.api.RepoOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** -Ddvc.waitForLock (dvc's --wait-for-lock): the goal waits past dvc's three seconds for the holder to finish. */
class RepoLockWaitTest {
    @TempDir
    Path tmp;

    @Test
    void waitingForTheLockOutlastsTheUsualThreeSecondsAndThenRuns() throws Exception {
        Path ws = Files.createDirectories(tmp.resolve("ws"));
        Repo.init(ws, InitOptions.defaults().withNoScm(true));
        Files.writeString(ws.resolve("data.txt"), "x");
        RepoOptions options = RepoOptions.defaults().withCwd(ws).withEnv(Map.of());
        CompletableFuture<Object> waiting;
        CompletableFuture<Object> impatient;
        try (RepoLock held = RepoLock.acquire(ws.resolve(".dvc"))) {
            waiting = CompletableFuture.supplyAsync(() -> {
                try (Repo repo = Repo.open(ws, options.withWaitForLock(true))) {
                    return repo.add(List.of("data.txt"), AddOptions.defaults());
                }
            });
            impatient = CompletableFuture.supplyAsync(() -> {
                try (Repo repo = Repo.open(ws, options)) {
                    return repo.status(List.of());
                } catch (DvcException e) {
                    return e;
                }
            });
            assertThat(impatient.get(20, TimeUnit.SECONDS))
                    .isInstanceOf(DvcException.class)
                    .asString()
                    .contains("Unable to acquire lock");
            Thread.sleep(1000);
            assertThat(waiting)
                    .as("still waiting after the usual retries gave up")
                    .isNotDone();
        }
        waiting.get(20, TimeUnit.SECONDS);
        assertThat(ws.resolve("data.txt.dvc")).exists();
    }
}
