package io.github.dvcmaven.core.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.Repo;
import io.github.dvcmaven.core.api.RepoOptions;
import io.github.dvcmaven.core.api.ReproOptions;
import io.github.dvcmaven.core.api.StatusOptions;
import io.github.dvcmaven.core.testing.DvcCli;
import io.github.dvcmaven.core.testing.ExternalTools;
import io.github.dvcmaven.core.testing.Proc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One writer per stage, like dvc: while a stage's command runs (the repository lock released), its
 * outputs are held in dvc's rwlock, so a second repro of it — ours against dvc's, dvc's against ours —
 * and a status that would read its half-made outputs are refused naming the holder.
 */
@Tag("interop")
class ConcurrentReproInteropTest {
    @TempDir
    Path tmp;

    DvcCli dvc;
    Path dir;

    @BeforeEach
    void setUp() throws IOException {
        ExternalTools.dvcVenv();
        dvc = new DvcCli(tmp.resolve("cfg"));
        dir = dvc.initRepo(tmp.resolve("ws"));
        Files.writeString(dir.resolve("dvc.yaml"), """
                        stages:
                          slow:
                            cmd: touch started && sleep 6 && echo done > out
                            outs: [out]
                        """);
    }

    private Repo open() {
        return Repo.open(dir, RepoOptions.defaults().withCwd(dir).withEnv(dvc.env()));
    }

    private void awaitStarted() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(dir.resolve("started")) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(dir.resolve("started")).exists();
    }

    @Test
    void whileDvcRunsTheStageOurReproAndStatusAreRefusedNamingIt() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(
                        ExternalTools.dvcVenv().resolve("bin/dvc").toString(), "repro")
                .directory(dir.toFile())
                .redirectErrorStream(true);
        pb.environment().putAll(dvc.env());
        Process theirs = pb.start();
        try {
            awaitStarted();
            try (Repo repo = open()) {
                assertThatThrownBy(() -> repo.repro(List.of(), new ReproOptions(true, false, false, false, false)))
                        .isInstanceOf(DvcException.class)
                        .hasMessageContaining("is busy, it is being blocked by")
                        .hasMessageContaining("(PID " + theirs.pid() + ")")
                        .hasMessageContaining("repro");
                assertThatThrownBy(() -> repo.status(StatusOptions.of(List.of())))
                        .isInstanceOf(DvcException.class)
                        .hasMessageContaining("is busy");
            }
        } finally {
            assertThat(theirs.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(theirs.exitValue()).isZero();
        try (Repo repo = open()) {
            assertThat(repo.status(StatusOptions.of(List.of())).stageStatuses()).isEmpty();
        }
    }

    @Test
    void whileWeRunTheStageDvcsReproIsRefusedAndTheLockIsGoneAfter() throws Exception {
        CompletableFuture<Object> ours = CompletableFuture.supplyAsync(() -> {
            try (Repo repo = open()) {
                return repo.repro(List.of(), new ReproOptions(false, false, false, false, false));
            }
        });
        awaitStarted();
        Proc.Result theirs = dvc.run(dir, "repro");
        assertThat(theirs.exitCode()).isNotZero();
        assertThat(theirs.stderr())
                .contains("is busy, it is being blocked by")
                .contains("(PID " + ProcessHandle.current().pid() + ")");
        ours.get(60, TimeUnit.SECONDS);
        assertThat(dvc.ok(dir, "status").stdout()).contains("up to date");
        assertThat(Files.readString(dir.resolve(".dvc/tmp/rwlock")))
                .as("nothing held any more")
                .doesNotContain("pid");
    }
}
