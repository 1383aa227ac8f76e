package io.github.dvcmaven.core.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dvcmaven.core.api.CommitOptions;
import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.Repo;
import io.github.dvcmaven.core.api.RepoOptions;
import io.github.dvcmaven.core.testing.DvcCli;
import io.github.dvcmaven.core.testing.ExternalTools;
import io.github.dvcmaven.core.testing.Proc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dvc:commit} refuses and accepts what {@code dvc commit} does in a non-interactive run (a CI job,
 * a Maven build), with dvc's words, and writes what dvc writes: the pointer, the lock entry and the
 * run-cache entry.
 */
@Tag("interop")
class CommitInteropTest {
    @TempDir
    Path tmp;

    DvcCli dvc;

    @BeforeEach
    void setUp() {
        ExternalTools.dvcVenv();
        dvc = new DvcCli(tmp.resolve("cfg"));
    }

    private Path repo(String name) throws IOException {
        Path dir = dvc.initRepo(tmp.resolve(name));
        Files.writeString(dir.resolve("f"), "a\n");
        Files.writeString(dir.resolve("dvc.yaml"), """
                        stages:
                          s:
                            cmd: echo x > out
                            deps: [f]
                            outs: [out]
                          t:
                            cmd: echo t > t.txt
                            outs: [t.txt]
                        """);
        return dir;
    }

    private Repo open(Path dir) {
        return Repo.open(dir, RepoOptions.defaults().withCwd(dir).withEnv(dvc.env()));
    }

    private static List<String> runCache(Path dir) throws IOException {
        Path runs = dir.resolve(".dvc/cache/runs");
        if (!Files.exists(runs)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(runs)) {
            return s.filter(Files::isRegularFile)
                    .map(p -> runs.relativize(p).toString())
                    .sorted()
                    .toList();
        }
    }

    @Test
    void aModifiedOutputIsRefusedWithoutForceByBothAndCommittedAlikeWithIt() throws IOException {
        Path theirs = repo("theirs");
        Path ours = repo("ours");
        for (Path dir : List.of(theirs, ours)) {
            Files.writeString(dir.resolve("data.txt"), "one\n");
            dvc.ok(dir, "add", "-q", "data.txt");
            Files.writeString(dir.resolve("data.txt"), "two\n");
        }
        Proc.Result refused = dvc.run(theirs, "commit", "data.txt.dvc");
        assertThat(refused.exitCode()).isNotZero();
        String pointerBefore = Files.readString(ours.resolve("data.txt.dvc"));
        try (Repo repo = open(ours)) {
            assertThatThrownBy(() -> repo.commit(CommitOptions.of(List.of("data.txt.dvc"))))
                    .isInstanceOf(DvcException.class)
                    .satisfies(e -> assertThat(refused.stderr()).contains(e.getMessage()));
        }
        assertThat(Files.readString(ours.resolve("data.txt.dvc"))).isEqualTo(pointerBefore);

        dvc.ok(theirs, "commit", "-f", "data.txt.dvc");
        try (Repo repo = open(ours)) {
            repo.commit(CommitOptions.of(List.of("data.txt.dvc")).withForce(true));
        }
        assertThat(Files.readString(ours.resolve("data.txt.dvc")))
                .isEqualTo(Files.readString(theirs.resolve("data.txt.dvc")));
    }

    @Test
    void aStageWithoutALockEntryOrWithAChangedOutputIsRefusedAsDvcRefusesIt() throws IOException {
        Path dir = repo("ws");
        Files.writeString(dir.resolve("t.txt"), "t\n");
        Proc.Result theirs = dvc.run(dir, "commit", "t");
        assertThat(theirs.exitCode()).isNotZero();
        try (Repo repo = open(dir)) {
            assertThatThrownBy(() -> repo.commit(CommitOptions.of(List.of("t"))))
                    .isInstanceOf(DvcException.class)
                    .hasMessage("failed to commit t - unable to commit changed stage: 't'. Use `-f|--force` to force.")
                    .satisfies(e -> assertThat(theirs.stderr()).contains(e.getMessage()));
        }
        assertThat(dir.resolve("dvc.lock")).doesNotExist();

        dvc.ok(dir, "repro", "-q", "s");
        Files.writeString(dir.resolve("out"), "edited by hand\n");
        Proc.Result edited = dvc.run(dir, "commit", "s");
        assertThat(edited.exitCode()).isNotZero();
        String lock = Files.readString(dir.resolve("dvc.lock"));
        try (Repo repo = open(dir)) {
            assertThatThrownBy(() -> repo.commit(CommitOptions.of(List.of("s"))))
                    .isInstanceOf(DvcException.class)
                    .satisfies(e -> assertThat(edited.stderr()).contains(e.getMessage()));
        }
        assertThat(Files.readString(dir.resolve("dvc.lock"))).isEqualTo(lock);
    }

    @Test
    void whatReproNoCommitLeftIsCommittedWithoutForceWithDvcsLockAndRunCacheEntry() throws IOException {
        Path theirs = repo("theirs");
        Path ours = repo("ours");
        for (Path dir : List.of(theirs, ours)) {
            dvc.ok(dir, "repro", "-q", "--no-commit", "s");
        }
        dvc.ok(theirs, "commit", "s");
        try (Repo repo = open(ours)) {
            repo.commit(CommitOptions.of(List.of("s")));
        }
        assertThat(Files.readString(ours.resolve("dvc.lock"))).isEqualTo(Files.readString(theirs.resolve("dvc.lock")));
        assertThat(dvc.ok(ours, "status", "s").stdout()).contains("up to date");
        assertThat(runCache(ours)).isEqualTo(runCache(theirs));
    }

    @Test
    void aForcedCommitOfAChangedStageWritesTheRunCacheEntryDvcWrites() throws IOException {
        Path theirs = repo("theirs");
        Path ours = repo("ours");
        for (Path dir : List.of(theirs, ours)) {
            Files.writeString(dir.resolve("out"), "x\n");
        }
        dvc.ok(theirs, "commit", "-f", "s");
        try (Repo repo = open(ours)) {
            repo.commit(CommitOptions.of(List.of("s")).withForce(true));
        }
        assertThat(Files.readString(ours.resolve("dvc.lock"))).isEqualTo(Files.readString(theirs.resolve("dvc.lock")));
        assertThat(runCache(ours)).isNotEmpty().isEqualTo(runCache(theirs));
    }
}
