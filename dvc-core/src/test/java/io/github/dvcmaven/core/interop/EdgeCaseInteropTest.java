package io.github.dvcmaven.core.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dvcmaven.core.api.AddOptions;
import io.github.dvcmaven.core.api.CheckoutOptions;
import io.github.dvcmaven.core.api.CommitOptions;
import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.DvcRenderer;
import io.github.dvcmaven.core.api.Repo;
import io.github.dvcmaven.core.api.RepoOptions;
import io.github.dvcmaven.core.internal.fs.Modes;
import io.github.dvcmaven.core.internal.hash.FileHasher;
import io.github.dvcmaven.core.internal.repo.RepoLock;
import io.github.dvcmaven.core.testing.DvcCli;
import io.github.dvcmaven.core.testing.ExternalTools;
import io.github.dvcmaven.core.testing.IndependentJson;
import io.github.dvcmaven.core.testing.Proc;
import io.github.dvcmaven.core.testing.TreeSnapshot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Legacy 2.x pointers, edits behind cache links, and the repository lock, against the real dvc. */
@Tag("interop")
class EdgeCaseInteropTest {
    @TempDir
    Path tmp;

    DvcCli dvc;

    @BeforeEach
    void setUp() {
        ExternalTools.dvcVenv();
        dvc = new DvcCli(tmp.resolve("cfg"));
    }

    private Path repo(String name) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        DvcCli.git(dir, "init", "-q");
        dvc.ok(dir, "init", "-q");
        return dir;
    }

    private Repo open(Path dir) {
        return Repo.open(dir, RepoOptions.defaults().withCwd(dir).withEnv(dvc.env()));
    }

    /** A pointer and cache object as dvc 2.x left them: no `hash:` key, md5 of the CRLF-normalised text. */
    private static void writeLegacy(Path dir, String name, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        String legacy = FileHasher.md5Hex(content.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
        Path obj = dir.resolve(".dvc/cache").resolve(legacy.substring(0, 2)).resolve(legacy.substring(2));
        Files.createDirectories(obj.getParent());
        Files.write(obj, bytes);
        Modes.chmod(obj, 0444);
        Files.writeString(
                dir.resolve(name + ".dvc"),
                "outs:\n- md5: " + legacy + "\n  size: " + bytes.length + "\n  path: " + name + "\n");
        Files.writeString(
                dir.resolve(".gitignore"), "/" + name + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void legacyPointersWorkAndUpgradeLikeDvc() throws IOException {
        Path theirs = repo("theirs");
        Path ours = repo("ours");
        for (Path d : List.of(theirs, ours)) {
            writeLegacy(d, "notes.txt", "line one\r\nline two\r\n");
            writeLegacy(d, "same.txt", "unchanged\r\n");
        }
        try (Repo repo = open(ours)) {
            assertThat(repo.checkout(CheckoutOptions.of(List.of())).added()).containsExactly("notes.txt", "same.txt");
            assertThat(repo.status(List.of()).isClean()).isTrue();
        }
        dvc.ok(theirs, "checkout");
        assertThat(TreeSnapshot.of(ours).get("notes.txt"))
                .isEqualTo(TreeSnapshot.of(theirs).get("notes.txt"));
        assertThat(dvc.ok(ours, "status").out()).contains("up to date");
        for (Path d : List.of(theirs, ours)) {
            Files.writeString(d.resolve("notes.txt"), "line one\r\nline 2\r\n");
        }
        assertThat(IndependentJson.parse(statusJson(ours)))
                .isEqualTo(
                        IndependentJson.parse(dvc.ok(theirs, "status", "--json").out()));
        dvc.ok(theirs, "commit", "-f");
        try (Repo repo = open(ours)) {
            repo.commit(CommitOptions.of(List.of()).withForce(true));
        }
        for (String f : List.of("notes.txt.dvc", "same.txt.dvc")) {
            assertThat(TreeSnapshot.read(ours.resolve(f))).as(f).isEqualTo(TreeSnapshot.read(theirs.resolve(f)));
        }
        assertThat(TreeSnapshot.read(ours.resolve("notes.txt.dvc"))).contains("hash: md5");
        assertThat(TreeSnapshot.read(ours.resolve("same.txt.dvc"))).doesNotContain("hash: md5");
        assertThat(TreeSnapshot.of(ours.resolve(".dvc/cache")))
                .isEqualTo(TreeSnapshot.of(theirs.resolve(".dvc/cache")));
    }

    private String statusJson(Path dir) {
        try (Repo repo = open(dir)) {
            return DvcRenderer.json(repo.status(List.of()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"hardlink", "symlink"})
    void editBehindACacheLinkIsModifiedAndNeverCachedUnderTheOldHash(String type) throws IOException {
        Path theirs = repo("theirs");
        Path ours = repo("ours");
        for (Path d : List.of(theirs, ours)) {
            dvc.ok(d, "config", "cache.type", type);
            Files.writeString(d.resolve("f"), "orig");
        }
        dvc.ok(theirs, "add", "-q", "f");
        try (Repo repo = open(ours)) {
            repo.add(List.of("f"), AddOptions.defaults());
        }
        assertThat(TreeSnapshot.read(ours.resolve("f.dvc"))).isEqualTo(TreeSnapshot.read(theirs.resolve("f.dvc")));
        assertThat(TreeSnapshot.of(ours.resolve(".dvc/cache/files")))
                .isEqualTo(TreeSnapshot.of(theirs.resolve(".dvc/cache/files")));
        assertThat(
                        type.equals("symlink")
                                ? Files.isSymbolicLink(ours.resolve("f"))
                                : Files.getAttribute(ours.resolve("f"), "unix:nlink")
                                        .equals(2))
                .isTrue();
        for (Path d : List.of(theirs, ours)) {
            Path target = d.resolve("f").toRealPath();
            Modes.chmod(target, 0644);
            Files.writeString(target, "edited behind the link");
        }
        // dvc says "not in cache" and deletes the object (with a symlink that loses the edit for good);
        // we report what happened to the data and keep it
        assertThat(IndependentJson.parse(dvc.ok(theirs, "status", "--json").out()))
                .isEqualTo(IndependentJson.parse("{\"f.dvc\": [{\"changed outs\": {\"f\": \"not in cache\"}}]}"));
        assertThat(IndependentJson.parse(statusJson(ours)))
                .isEqualTo(IndependentJson.parse("{\"f.dvc\": [{\"changed outs\": {\"f\": \"modified\"}}]}"));
        try (Repo repo = open(ours)) {
            repo.commit(CommitOptions.of(List.of("f.dvc")).withForce(true));
            assertThat(repo.status(List.of()).isClean()).isTrue();
        }
        assertThat(Files.readString(ours.resolve("f"))).isEqualTo("edited behind the link");
        Path obj = ours.resolve(".dvc/cache/files/md5/" + md5Path("edited behind the link"));
        assertThat(Files.readString(obj)).isEqualTo("edited behind the link");
        assertThat(ours.resolve(".dvc/cache/files/md5/" + md5Path("orig"))).doesNotExist();
        assertThat(TreeSnapshot.read(ours.resolve("f.dvc")))
                .contains("md5: " + md5Path("edited behind the link").replace("/", ""));
        assertThat(dvc.ok(ours, "status").out()).contains("Data and pipelines are up to date.");
    }

    private static String md5Path(String content) {
        String h = FileHasher.md5Hex(content.getBytes(StandardCharsets.UTF_8));
        return h.substring(0, 2) + "/" + h.substring(2);
    }

    @Test
    void ourLockExcludesDvc() throws IOException {
        Path dir = repo("locked");
        try (RepoLock lock = RepoLock.acquire(dir.resolve(".dvc"))) {
            Proc.Result r = dvc.run(dir, "status");
            assertThat(r.exitCode()).isNotZero();
            assertThat(r.stderr() + r.stdout()).contains("Unable to acquire lock");
        }
        dvc.ok(dir, "status");
    }

    @Test
    void dvcsLockExcludesUsAndWeNameTheHolder() throws Exception {
        Path dir = repo("held");
        ProcessBuilder pb = new ProcessBuilder(ExternalTools.python().toString(), "-c", """
                                import time, sys
                                from dvc.lock import make_lock
                                l = make_lock('.dvc/tmp/lock')
                                l.lock()
                                print('locked', flush=True)
                                time.sleep(60)
                                """).directory(dir.toFile());
        Process holder = pb.start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("locked");
            long started = System.nanoTime();
            assertThatThrownBy(() -> {
                        try (Repo repo = open(dir)) {
                            repo.status(List.of());
                        }
                    })
                    .isInstanceOf(DvcException.class)
                    .hasMessageContaining("Unable to acquire lock")
                    .hasMessageContaining("process " + holder.pid());
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started))
                    .isGreaterThanOrEqualTo(2500);
        } finally {
            holder.destroy();
            holder.waitFor(10, TimeUnit.SECONDS);
        }
        try (Repo repo = open(dir)) {
            assertThat(repo.status(List.of()).projectEmpty()).isTrue();
        }
    }
}
