package io.github.dvcmaven.core.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.ImportOptions;
import io.github.dvcmaven.core.api.PullOptions;
import io.github.dvcmaven.core.api.Repo;
import io.github.dvcmaven.core.api.RepoOptions;
import io.github.dvcmaven.core.api.SyncOptions;
import io.github.dvcmaven.core.api.UpdateOptions;
import io.github.dvcmaven.core.internal.fs.FileTrees;
import io.github.dvcmaven.core.testing.DvcCli;
import io.github.dvcmaven.core.testing.ExternalTools;
import io.github.dvcmaven.core.testing.TreeSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports both ways: the pointers our import writes are byte for byte dvc's, each tool pulls and updates
 * the other's, and bad sources fail naming what is wrong without writing anything.
 */
@Tag("interop")
class ImportInteropTest {
    @TempDir
    Path tmp;

    DvcCli dvc;
    Path src;

    @BeforeEach
    void setUp() throws IOException {
        ExternalTools.dvcVenv();
        dvc = new DvcCli(tmp.resolve("cfg"));
        src = dvc.initRepo(tmp.resolve("src"));
        Files.createDirectories(src.resolve("data/sub"));
        Files.writeString(src.resolve("data/a.txt"), "hello\n");
        Files.writeString(src.resolve("data/sub/b.txt"), "world\n");
        Files.writeString(src.resolve("model.bin"), "model v1\n");
        Files.writeString(src.resolve("README.md"), "registry\n");
        dvc.ok(src, "add", "-q", "data", "model.bin");
        dvc.ok(src, "remote", "add", "-d", "-q", "store", tmp.resolve("remote").toString());
        DvcCli.git(src, "add", "-A");
        DvcCli.git(src, "commit", "-qm", "v1");
        DvcCli.git(src, "tag", "v1");
        dvc.ok(src, "push", "-q");
    }

    private Repo open(Path dir) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(dvc.env());
        return Repo.open(dir, RepoOptions.defaults().withCwd(dir).withEnv(env));
    }

    private Path consumer(String name) throws IOException {
        Path dir = dvc.initRepo(tmp.resolve(name));
        DvcCli.git(dir, "commit", "-qm", "init");
        return dir;
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p);
    }

    private void newVersion() throws IOException {
        Files.writeString(src.resolve("model.bin"), "model v2\n");
        dvc.ok(src, "add", "-q", "model.bin");
        DvcCli.git(src, "commit", "-qam", "v2");
        dvc.ok(src, "push", "-q");
    }

    @Test
    void ourPointersAreDvcsByteForByte() throws IOException {
        Path ours = consumer("ours");
        Path theirs = consumer("theirs");
        try (Repo repo = open(ours)) {
            repo.importData(ImportOptions.of("../src", "model.bin"));
            repo.importData(ImportOptions.of("../src", "data").withOut("mydata").withRev("v1"));
            repo.importData(ImportOptions.of("../src", "data/sub").withOut("sub"));
            repo.importData(ImportOptions.of("../src", "data/a.txt"));
            repo.importData(ImportOptions.of("../src", "model.bin")
                    .withOut("lazy.bin")
                    .withMode(ImportOptions.Mode.NO_DOWNLOAD));
            repo.importData(
                    ImportOptions.of("../src", "model.bin").withOut("later.bin").withMode(ImportOptions.Mode.NO_EXEC));
        }
        dvc.ok(theirs, "import", "-q", "../src", "model.bin");
        dvc.ok(theirs, "import", "-q", "../src", "data", "-o", "mydata", "--rev", "v1");
        dvc.ok(theirs, "import", "-q", "../src", "data/sub", "-o", "sub");
        dvc.ok(theirs, "import", "-q", "../src", "data/a.txt");
        dvc.ok(theirs, "import", "-q", "../src", "model.bin", "-o", "lazy.bin", "--no-download");
        dvc.ok(theirs, "import", "-q", "../src", "model.bin", "-o", "later.bin", "--no-exec");
        for (String f :
                List.of("model.bin.dvc", "mydata.dvc", "sub.dvc", "a.txt.dvc", "lazy.bin.dvc", "later.bin.dvc")) {
            assertThat(read(ours.resolve(f))).as(f).isEqualTo(read(theirs.resolve(f)));
        }
        assertThat(read(ours.resolve(".gitignore"))).isEqualTo(read(theirs.resolve(".gitignore")));
        assertThat(TreeSnapshot.of(ours.resolve("mydata"))).isEqualTo(TreeSnapshot.of(theirs.resolve("mydata")));
        assertThat(read(ours.resolve("sub/b.txt"))).isEqualTo("world\n");
        assertThat(ours.resolve("lazy.bin")).doesNotExist();
        // dvc sees our imports as up to date
        assertThat(dvc.ok(ours, "status", "model.bin.dvc", "mydata.dvc", "sub.dvc")
                        .out())
                .contains("up to date");
    }

    @Test
    void eachToolPullsTheOthersImportsFromTheSourceRemote() throws IOException {
        Path ours = consumer("ours");
        try (Repo repo = open(ours)) {
            repo.importData(ImportOptions.of("../src", "data").withOut("mydata"));
        }
        Path theirs = consumer("theirs");
        dvc.ok(theirs, "import", "-q", "../src", "data", "-o", "mydata");
        // the source's cache is gone: only its remote has the data
        FileTrees.deleteRecursively(src.resolve(".dvc/cache"));

        FileTrees.deleteRecursively(ours.resolve(".dvc/cache"));
        FileTrees.deleteRecursively(ours.resolve("mydata"));
        dvc.ok(ours, "pull", "-q");
        assertThat(read(ours.resolve("mydata/sub/b.txt"))).isEqualTo("world\n");

        FileTrees.deleteRecursively(theirs.resolve(".dvc/cache"));
        FileTrees.deleteRecursively(theirs.resolve("mydata"));
        try (Repo repo = open(theirs)) {
            repo.pull(PullOptions.of(SyncOptions.of(List.of())));
            assertThat(repo.status(List.of()).isClean()).isTrue();
        }
        assertThat(read(theirs.resolve("mydata/a.txt"))).isEqualTo("hello\n");
    }

    @Test
    void eachToolUpdatesTheOthersImport() throws IOException {
        Path ours = consumer("ours");
        Path theirs = consumer("theirs");
        try (Repo repo = open(ours)) {
            repo.importData(ImportOptions.of("../src", "model.bin"));
        }
        dvc.ok(theirs, "import", "-q", "../src", "model.bin");
        newVersion();

        dvc.ok(ours, "update", "-q", "model.bin.dvc");
        try (Repo repo = open(theirs)) {
            assertThat(repo.update(UpdateOptions.of(List.of("model.bin.dvc"))).dvcFiles())
                    .containsExactly("model.bin.dvc");
            assertThat(repo.update(UpdateOptions.of(List.of("model.bin.dvc"))).unchanged())
                    .containsExactly("model.bin.dvc");
        }
        assertThat(read(ours.resolve("model.bin.dvc"))).isEqualTo(read(theirs.resolve("model.bin.dvc")));
        assertThat(read(theirs.resolve("model.bin"))).isEqualTo("model v2\n");

        // pinned back to the tag, by each tool
        dvc.ok(ours, "update", "-q", "--rev", "v1", "model.bin.dvc");
        try (Repo repo = open(theirs)) {
            repo.update(UpdateOptions.of(List.of("model.bin.dvc")).withRev("v1"));
        }
        assertThat(read(ours.resolve("model.bin.dvc"))).isEqualTo(read(theirs.resolve("model.bin.dvc")));
        assertThat(read(theirs.resolve("model.bin"))).isEqualTo("model v1\n");
    }

    @Test
    void aGitUrlIsClonedAndALocalSourceWithoutRemoteLendsItsCache() throws IOException {
        Path ours = consumer("ours");
        Path theirs = consumer("theirs");
        String url = src.toUri().toString().replaceAll("/$", "");
        try (Repo repo = open(ours)) {
            repo.importData(ImportOptions.of(url, "model.bin").withRev("v1"));
        }
        dvc.ok(theirs, "import", "-q", url, "model.bin", "--rev", "v1");
        assertThat(read(ours.resolve("model.bin.dvc"))).isEqualTo(read(theirs.resolve("model.bin.dvc")));

        Path bare = dvc.initRepo(tmp.resolve("noremote"));
        Files.writeString(bare.resolve("x.bin"), "only in the cache\n");
        dvc.ok(bare, "add", "-q", "x.bin");
        DvcCli.git(bare, "add", "-A");
        DvcCli.git(bare, "commit", "-qm", "x");
        try (Repo repo = open(ours)) {
            repo.importData(ImportOptions.of("../noremote", "x.bin"));
        }
        assertThat(read(ours.resolve("x.bin"))).isEqualTo("only in the cache\n");
    }

    @Test
    void badSourcesFailNamingWhatIsWrongAndWriteNothing() throws IOException {
        Path ours = consumer("ours");
        Map<String, String> before = TreeSnapshot.of(ours);
        try (Repo repo = open(ours)) {
            assertThatThrownBy(() -> repo.importData(ImportOptions.of("../nowhere", "model.bin")))
                    .isInstanceOf(DvcException.class)
                    .hasMessageContaining("'../nowhere' not found");
            assertThatThrownBy(() -> repo.importData(
                            ImportOptions.of("../src", "model.bin").withRev("v9")))
                    .hasMessageContaining("revision 'v9' does not exist in repository '../src'");
            assertThatThrownBy(() -> repo.importData(ImportOptions.of("../src", "nothing.csv")))
                    .hasMessageContaining("'nothing.csv' is not tracked in '../src'");
            assertThatThrownBy(() -> repo.importData(ImportOptions.of("file:///nonexistent/repo.git", "x")))
                    .hasMessageContaining("not found");
            // the data is nowhere: the source's cache and remote are both gone
            FileTrees.deleteRecursively(src.resolve(".dvc/cache"));
            FileTrees.deleteRecursively(tmp.resolve("remote"));
            assertThatThrownBy(() -> repo.importData(ImportOptions.of("../src", "model.bin")))
                    .hasMessageContaining("'model.bin' of repository '../src'")
                    .hasMessageContaining("is on none of its remotes");
        }
        Map<String, String> after = TreeSnapshot.of(ours);
        after.keySet().removeIf(k -> k.startsWith(".dvc/tmp") || k.startsWith(".dvc/cache"));
        before.keySet().removeIf(k -> k.startsWith(".dvc/tmp") || k.startsWith(".dvc/cache"));
        assertThat(after).isEqualTo(before);
    }
}
