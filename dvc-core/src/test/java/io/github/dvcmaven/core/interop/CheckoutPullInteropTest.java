package io.github.dvcmaven.core.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dvcmaven.core.api.CheckoutOptions;
import io.github.dvcmaven.core.api.CheckoutResult;
import io.github.dvcmaven.core.api.DvcRenderer;
import io.github.dvcmaven.core.api.PullOptions;
import io.github.dvcmaven.core.api.Repo;
import io.github.dvcmaven.core.api.RepoOptions;
import io.github.dvcmaven.core.api.SyncOptions;
import io.github.dvcmaven.core.api.UnsavedChangesException;
import io.github.dvcmaven.core.testing.DvcCli;
import io.github.dvcmaven.core.testing.ExternalTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkout of a path inside a tracked directory, and pull's summary line, as dvc does them. */
@Tag("interop")
class CheckoutPullInteropTest {
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
        Files.createDirectories(dir.resolve("data/sub"));
        Files.writeString(dir.resolve("data/a.txt"), "a\n");
        Files.writeString(dir.resolve("data/sub/b.txt"), "b\n");
        dvc.ok(dir, "add", "-q", "data");
        dvc.ok(
                dir,
                "remote",
                "add",
                "-q",
                "-d",
                "r",
                tmp.resolve(name + "-remote").toString());
        dvc.ok(dir, "push", "-q");
        return dir;
    }

    private Repo open(Path dir) {
        return Repo.open(dir, RepoOptions.defaults().withCwd(dir).withEnv(dvc.env()));
    }

    private static void edit(Path file, String text) throws IOException {
        file.toFile().setWritable(true);
        Files.delete(file);
        Files.writeString(file, text);
    }

    @Test
    void aFileInsideATrackedDirectoryIsRestoredAloneAsDvcRestoresIt() throws IOException {
        Path theirs = repo("theirs");
        Path ours = repo("ours");
        for (Path dir : List.of(theirs, ours)) {
            edit(dir.resolve("data/a.txt"), "A\n");
            edit(dir.resolve("data/sub/b.txt"), "B\n");
        }
        assertThat(dvc.run(theirs, "checkout", "data/sub/b.txt").exitCode())
                .as("dvc refuses unsaved changes")
                .isNotZero();
        try (Repo repo = open(ours)) {
            assertThatThrownBy(() -> repo.checkout(CheckoutOptions.of(List.of("data/sub/b.txt"))))
                    .isInstanceOf(UnsavedChangesException.class)
                    .hasMessageContaining("b.txt")
                    .hasMessageNotContaining("a.txt");
        }
        dvc.ok(theirs, "checkout", "-f", "data/sub/b.txt");
        try (Repo repo = open(ours)) {
            repo.checkout(CheckoutOptions.of(List.of("data/sub/b.txt")).withForce(true));
        }
        for (Path dir : List.of(theirs, ours)) {
            assertThat(dir.resolve("data/sub/b.txt")).hasContent("b");
            assertThat(dir.resolve("data/a.txt")).as("untouched").hasContent("A");
        }
    }

    @Test
    void pullSaysWhatDvcSaysFetchedAddedAndUpToDate() throws IOException {
        Path theirs = repo("theirs");
        Path ours = repo("ours");
        for (Path dir : List.of(theirs, ours)) {
            deleteTree(dir.resolve(".dvc/cache"));
            deleteTree(dir.resolve("data"));
        }
        assertThat(pullTheirs(theirs)).isEqualTo("3 files fetched and 2 files added");
        assertThat(pullOurs(ours)).isEqualTo("3 files fetched and 2 files added");
        assertThat(pullTheirs(theirs)).isEqualTo("Everything is up to date.");
        assertThat(pullOurs(ours)).isEqualTo("Everything is up to date.");
        for (Path dir : List.of(theirs, ours)) {
            Files.delete(dir.resolve("data/a.txt"));
        }
        assertThat(pullTheirs(theirs)).isEqualTo("1 file added");
        assertThat(pullOurs(ours)).isEqualTo("1 file added");
    }

    private String pullTheirs(Path dir) {
        String[] lines = dvc.ok(dir, "pull").stdout().strip().split("\n");
        return lines[lines.length - 1].strip();
    }

    private String pullOurs(Path dir) {
        try (Repo repo = open(dir)) {
            CheckoutResult r = repo.pull(PullOptions.of(SyncOptions.of(List.of())));
            return DvcRenderer.text(r).get(DvcRenderer.text(r).size() - 1);
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var walk = Files.walk(p)) {
            for (Path x : walk.sorted(Comparator.reverseOrder()).toList()) {
                x.toFile().setWritable(true);
                Files.delete(x);
            }
        }
    }
}
