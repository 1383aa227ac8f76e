package io.github.dvcmaven.core.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.ImportUrlOptions;
import io.github.dvcmaven.core.api.ImportUrlOptions.Mode;
import io.github.dvcmaven.core.api.PullOptions;
import io.github.dvcmaven.core.api.Repo;
import io.github.dvcmaven.core.api.RepoOptions;
import io.github.dvcmaven.core.api.SyncOptions;
import io.github.dvcmaven.core.api.UpdateOptions;
import io.github.dvcmaven.core.api.UrlData;
import io.github.dvcmaven.core.internal.fs.FileTrees;
import io.github.dvcmaven.core.testing.DvcCli;
import io.github.dvcmaven.core.testing.ExternalTools;
import io.github.dvcmaven.core.testing.S3ProxyServer;
import io.github.dvcmaven.core.testing.TreeSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import-url}, its {@code update} and {@code get-url} against the real dvc: from local paths and
 * from S3 (S3Proxy on loopback, the endpoint in {@code fs_config}) the pointers are dvc's byte for byte,
 * each tool updates and pulls the other's, and bad URLs fail naming what is wrong, writing nothing.
 */
@Tag("interop")
class ImportUrlInteropTest {
    @TempDir
    Path tmp;

    DvcCli dvc;
    S3ProxyServer s3;
    Path data;
    Map<String, String> env;

    @BeforeEach
    void setUp() throws Exception {
        ExternalTools.dvcVenv();
        s3 = new S3ProxyServer();
        dvc = new DvcCli(tmp.resolve("cfg"));
        s3.dvcEnv().forEach(dvc::withEnv);
        dvc.withEnv("AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY);
        dvc.withEnv("AWS_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_KEY);
        dvc.withEnv("AWS_DEFAULT_REGION", "us-east-1");
        data = tmp.resolve("incoming");
        Files.createDirectories(data.resolve("images/sub"));
        Files.writeString(data.resolve("churn.csv"), "id,churn\n1,0\n2,1\n");
        Files.writeString(data.resolve("images/a.png"), "png-a");
        Files.writeString(data.resolve("images/sub/b.png"), "png-b");
        s3.put("raw/churn.csv", "id,churn\n1,0\n2,1\n".getBytes(StandardCharsets.UTF_8));
        s3.put("raw/images/a.png", "png-a".getBytes(StandardCharsets.UTF_8));
        s3.put("raw/images/sub/b.png", "png-b".getBytes(StandardCharsets.UTF_8));
        env = new HashMap<>(System.getenv());
        env.putAll(dvc.env());
    }

    @AfterEach
    void tearDown() throws Exception {
        s3.close();
    }

    private Repo open(Path dir) {
        return Repo.open(dir, RepoOptions.defaults().withCwd(dir).withEnv(env));
    }

    private Path repo(String name) throws IOException {
        Path dir = dvc.initRepo(tmp.resolve(name));
        DvcCli.git(dir, "commit", "-qm", "init");
        return dir;
    }

    private Map<String, String> endpoint() {
        return Map.of("endpointurl", s3.endpoint());
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p);
    }

    @Test
    void localPointersAreDvcsByteForByte() throws IOException {
        Path ours = repo("ours");
        Path theirs = repo("theirs");
        String csv = data.resolve("churn.csv").toString();
        try (Repo repo = open(ours)) {
            repo.importUrl(ImportUrlOptions.of(csv));
            repo.importUrl(
                    ImportUrlOptions.of(data.resolve("images").toString()).withOut("imgs"));
            repo.importUrl(ImportUrlOptions.of("../incoming/churn.csv").withOut("rel.csv"));
            repo.importUrl(ImportUrlOptions.of(csv).withOut("lazy.csv").withMode(Mode.NO_DOWNLOAD));
            repo.importUrl(ImportUrlOptions.of(csv).withOut("later.csv").withMode(Mode.NO_EXEC));
        }
        dvc.ok(theirs, "import-url", "-q", csv);
        dvc.ok(theirs, "import-url", "-q", data.resolve("images").toString(), "imgs");
        dvc.ok(theirs, "import-url", "-q", "../incoming/churn.csv", "rel.csv");
        dvc.ok(theirs, "import-url", "-q", "--no-download", csv, "lazy.csv");
        dvc.ok(theirs, "import-url", "-q", "--no-exec", csv, "later.csv");
        for (String f : List.of("churn.csv.dvc", "imgs.dvc", "rel.csv.dvc", "lazy.csv.dvc", "later.csv.dvc")) {
            assertThat(read(ours.resolve(f))).as(f).isEqualTo(read(theirs.resolve(f)));
        }
        assertThat(read(ours.resolve(".gitignore"))).isEqualTo(read(theirs.resolve(".gitignore")));
        assertThat(TreeSnapshot.of(ours.resolve("imgs"))).isEqualTo(TreeSnapshot.of(theirs.resolve("imgs")));
        assertThat(ours.resolve("lazy.csv")).doesNotExist();
        assertThat(dvc.ok(ours, "status", "churn.csv.dvc", "imgs.dvc", "rel.csv.dvc")
                        .out())
                .contains("up to date");
    }

    @Test
    void s3PointersAreDvcsAndDvcKeepsUsingThem() throws IOException {
        Path ours = repo("ours");
        Path theirs = repo("theirs");
        String file = s3.url("raw/churn.csv");
        String dir = s3.url("raw/images");
        try (Repo repo = open(ours)) {
            repo.importUrl(ImportUrlOptions.of(file).withFsConfig(endpoint()));
            repo.importUrl(ImportUrlOptions.of(dir).withOut("imgs").withFsConfig(endpoint()));
            repo.importUrl(ImportUrlOptions.of(dir)
                    .withOut("lazy")
                    .withMode(Mode.NO_DOWNLOAD)
                    .withFsConfig(endpoint()));
        }
        String fs = "endpointurl=" + s3.endpoint();
        dvc.ok(theirs, "import-url", "-q", file, "--fs-config", fs);
        dvc.ok(theirs, "import-url", "-q", dir, "imgs", "--fs-config", fs);
        dvc.ok(theirs, "import-url", "-q", "--no-download", dir, "lazy", "--fs-config", fs);
        for (String f : List.of("churn.csv.dvc", "imgs.dvc", "lazy.dvc")) {
            assertThat(read(ours.resolve(f))).as(f).isEqualTo(read(theirs.resolve(f)));
        }
        assertThat(read(ours.resolve("churn.csv.dvc"))).contains("etag: ");
        assertThat(TreeSnapshot.of(ours.resolve("imgs"))).isEqualTo(TreeSnapshot.of(theirs.resolve("imgs")));
        // the source's etag tree is kept in the cache as dvc keeps it
        assertThat(TreeSnapshot.of(ours.resolve(".dvc/cache")))
                .isEqualTo(TreeSnapshot.of(theirs.resolve(".dvc/cache")));

        // the source changes: dvc updates our pointer, we update dvc's, both to the same pointer
        s3.put("raw/churn.csv", "id,churn\n1,0\n2,1\n3,1\n".getBytes(StandardCharsets.UTF_8));
        s3.put("raw/images/c.png", "png-c".getBytes(StandardCharsets.UTF_8));
        dvc.ok(ours, "update", "-q", "churn.csv.dvc");
        try (Repo repo = open(theirs)) {
            assertThat(repo.update(new UpdateOptions(List.of("churn.csv.dvc", "imgs.dvc"), null, false, true))
                            .dvcFiles())
                    .containsExactly("churn.csv.dvc", "imgs.dvc");
        }
        dvc.ok(ours, "update", "-q", "imgs.dvc");
        for (String f : List.of("churn.csv.dvc", "imgs.dvc")) {
            assertThat(read(ours.resolve(f))).as(f).isEqualTo(read(theirs.resolve(f)));
        }
        assertThat(read(theirs.resolve("churn.csv"))).endsWith("3,1\n");
        assertThat(theirs.resolve("imgs/c.png")).hasContent("png-c");
        try (Repo repo = open(theirs)) {
            assertThat(repo.update(new UpdateOptions(List.of("churn.csv.dvc"), null, false, true))
                            .unchanged())
                    .containsExactly("churn.csv.dvc");
        }
    }

    @Test
    void updatesEachOthersLocalImports() throws IOException {
        Path ours = repo("ours");
        Path theirs = repo("theirs");
        String csv = data.resolve("churn.csv").toString();
        try (Repo repo = open(ours)) {
            repo.importUrl(ImportUrlOptions.of(csv));
        }
        dvc.ok(theirs, "import-url", "-q", csv);
        Files.writeString(data.resolve("churn.csv"), "id,churn\n1,1\n");
        dvc.ok(ours, "update", "-q", "churn.csv.dvc");
        try (Repo repo = open(theirs)) {
            repo.update(new UpdateOptions(List.of("churn.csv.dvc"), null, false, true));
        }
        assertThat(read(ours.resolve("churn.csv.dvc"))).isEqualTo(read(theirs.resolve("churn.csv.dvc")));
        assertThat(read(theirs.resolve("churn.csv"))).isEqualTo("id,churn\n1,1\n");
        // --no-download records the new checksum and drops the output's hash, as dvc does
        Files.writeString(data.resolve("churn.csv"), "id,churn\n");
        dvc.ok(ours, "update", "-q", "--no-download", "churn.csv.dvc");
        try (Repo repo = open(theirs)) {
            repo.update(new UpdateOptions(List.of("churn.csv.dvc"), null, false, false));
        }
        assertThat(read(ours.resolve("churn.csv.dvc"))).isEqualTo(read(theirs.resolve("churn.csv.dvc")));
        assertThatThrownBy(() -> {
                    try (Repo repo = open(theirs)) {
                        repo.update(new UpdateOptions(List.of("churn.csv.dvc"), "v1", false, true));
                    }
                })
                .isInstanceOf(DvcException.class)
                .hasMessageContaining("--rev applies to imports from a repository");
    }

    @Test
    void importedDataIsPushedAndPulledLikeAddedData() throws IOException {
        Path ours = repo("ours");
        dvc.ok(ours, "remote", "add", "-d", "-q", "store", tmp.resolve("remote").toString());
        try (Repo repo = open(ours)) {
            repo.importUrl(
                    ImportUrlOptions.of(data.resolve("images").toString()).withOut("imgs"));
            repo.importUrl(ImportUrlOptions.of(s3.url("raw/churn.csv")).withFsConfig(endpoint()));
            repo.push(SyncOptions.of(List.of()));
        }
        DvcCli.git(ours, "add", "-A");
        DvcCli.git(ours, "commit", "-qm", "imports");
        assertThat(dvc.ok(ours, "status", "-c").out()).contains("in sync");
        // a fresh clone pulls them from the remote, the sources gone
        FileTrees.deleteRecursively(data);
        s3.blobs().removeBlob(S3ProxyServer.BUCKET, "raw/churn.csv");
        Path clone = tmp.resolve("clone");
        DvcCli.git(tmp, "clone", "-q", ours.toString(), clone.toString());
        try (Repo repo = open(clone)) {
            repo.pull(PullOptions.of(SyncOptions.of(List.of())));
        }
        assertThat(TreeSnapshot.of(clone.resolve("imgs"))).isEqualTo(TreeSnapshot.of(ours.resolve("imgs")));
        assertThat(read(clone.resolve("churn.csv"))).isEqualTo("id,churn\n1,0\n2,1\n");
        assertThat(dvc.ok(clone, "status").out()).contains("up to date");
    }

    @Test
    void pullFetchesNoDownloadImportsFromTheirSourceAsDvcDoes() throws IOException {
        Path ours = repo("ours");
        Path theirs = repo("theirs");
        try (Repo repo = open(ours)) {
            repo.importUrl(ImportUrlOptions.of(data.resolve("images").toString())
                    .withOut("imgs")
                    .withMode(Mode.NO_DOWNLOAD));
            repo.importUrl(ImportUrlOptions.of(s3.url("raw/churn.csv"))
                    .withMode(Mode.NO_DOWNLOAD)
                    .withFsConfig(endpoint()));
        }
        dvc.ok(
                theirs,
                "import-url",
                "-q",
                "--no-download",
                data.resolve("images").toString(),
                "imgs");
        String pointer = read(theirs.resolve("imgs.dvc"));
        try (Repo repo = open(theirs)) {
            repo.pull(PullOptions.of(SyncOptions.of(List.of())));
        }
        assertThat(TreeSnapshot.of(theirs.resolve("imgs"))).isEqualTo(TreeSnapshot.of(data.resolve("images")));
        assertThat(read(theirs.resolve("imgs.dvc"))).isEqualTo(pointer);
        // dvc pulls a --no-download file import from its source (a directory one it cannot: "missing-files")
        dvc.ok(ours, "pull", "-q", "churn.csv.dvc");
        assertThat(read(ours.resolve("churn.csv"))).isEqualTo("id,churn\n1,0\n2,1\n");
        FileTrees.deleteRecursively(ours.resolve("churn.csv"));
        FileTrees.deleteRecursively(ours.resolve(".dvc/cache"));
        try (Repo repo = open(ours)) {
            repo.pull(PullOptions.of(SyncOptions.of(List.of())));
        }
        assertThat(TreeSnapshot.of(ours.resolve("imgs"))).isEqualTo(TreeSnapshot.of(data.resolve("images")));
        assertThat(read(ours.resolve("churn.csv"))).isEqualTo("id,churn\n1,0\n2,1\n");
        // the source moved on: the pull refuses to pass the new bytes off as the recorded ones
        Files.writeString(data.resolve("images/a.png"), "png-a2");
        FileTrees.deleteRecursively(ours.resolve("imgs"));
        try (Repo repo = open(ours)) {
            assertThatThrownBy(() -> repo.pull(PullOptions.of(SyncOptions.of(List.of("imgs.dvc")))))
                    .isInstanceOf(DvcException.class)
                    .hasMessageContaining("changed since 'imgs.dvc' recorded it")
                    .satisfies(e ->
                            assertThat(((DvcException) e).hint()).contains("mvn dvc:update -Ddvc.targets=imgs.dvc"));
        }
        assertThat(ours.resolve("imgs")).doesNotExist();
    }

    @Test
    void toRemoteUploadsWithoutTouchingTheWorkspaceAndDvcPullsIt() throws IOException {
        Path ours = repo("ours");
        Path theirs = repo("theirs");
        Path remote = tmp.resolve("remote");
        for (Path r : List.of(ours, theirs)) {
            dvc.ok(r, "remote", "add", "-d", "-q", "store", remote.toString());
        }
        try (Repo repo = open(ours)) {
            repo.importUrl(ImportUrlOptions.of(data.resolve("images").toString())
                    .withOut("imgs")
                    .withMode(Mode.TO_REMOTE));
        }
        dvc.ok(theirs, "import-url", "-q", "--to-remote", data.resolve("images").toString(), "imgs");
        assertThat(read(ours.resolve("imgs.dvc"))).isEqualTo(read(theirs.resolve("imgs.dvc")));
        assertThat(ours.resolve("imgs")).doesNotExist();
        assertThat(ours.resolve(".dvc/cache/files")).doesNotExist();
        assertThat(ours.resolve(".dvc/tmp").toFile().list()).noneMatch(n -> n.startsWith("to-remote-"));
        dvc.ok(ours, "pull", "-q");
        assertThat(TreeSnapshot.of(ours.resolve("imgs"))).isEqualTo(TreeSnapshot.of(data.resolve("images")));
    }

    @Test
    void getUrlWritesWhatDvcGetUrlWrites() throws IOException {
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        RepoOptions options = RepoOptions.defaults().withCwd(out).withEnv(env);
        UrlData.get(s3.url("raw/images"), "ours", endpoint(), options);
        UrlData.get(data.resolve("churn.csv").toString(), null, Map.of(), options);
        dvc.ok(out, "get-url", "-q", s3.url("raw/images"), "theirs", "--fs-config", "endpointurl=" + s3.endpoint());
        assertThat(TreeSnapshot.of(out.resolve("ours"))).isEqualTo(TreeSnapshot.of(out.resolve("theirs")));
        assertThat(out.resolve("churn.csv")).hasContent("id,churn\n1,0\n2,1\n");
        assertThatThrownBy(() -> UrlData.get(data.resolve("churn.csv").toString(), null, Map.of(), options))
                .isInstanceOf(DvcException.class)
                .hasMessageContaining("already exists");
        assertThat(out.toFile().list()).containsExactlyInAnyOrder("ours", "theirs", "churn.csv");
    }

    @Test
    void badUrlsFailNamingTheProblemAndWriteNothing() throws IOException {
        Path ours = repo("ours");
        try (Repo repo = open(ours)) {
            assertThatThrownBy(() -> repo.importUrl(
                            ImportUrlOptions.of(data.resolve("nope").toString())))
                    .isInstanceOf(DvcException.class)
                    .hasMessageContaining("dependency '" + data.resolve("nope") + "' does not exist");
            assertThatThrownBy(() -> repo.importUrl(
                            ImportUrlOptions.of(s3.url("raw/none")).withFsConfig(endpoint())))
                    .isInstanceOf(DvcException.class)
                    .hasMessageContaining("does not exist");
            assertThatThrownBy(() -> repo.importUrl(ImportUrlOptions.of("file://" + data.resolve("churn.csv"))))
                    .isInstanceOf(DvcException.class)
                    .hasMessageContaining("file:// URLs");
            assertThatThrownBy(() -> repo.importUrl(ImportUrlOptions.of("ftp://host/x.csv")))
                    .isInstanceOf(DvcException.class)
                    .hasMessageContaining("'ftp://'");
            assertThatThrownBy(() -> repo.importUrl(ImportUrlOptions.of(s3.url("raw/churn.csv"))
                            .withFsConfig(Map.of("endpoint_url", s3.endpoint()))))
                    .isInstanceOf(DvcException.class)
                    .hasMessageContaining("endpoint_url");
        }
        java.util.Set<String> left = TreeSnapshot.of(ours).keySet();
        assertThat(left).noneMatch(p -> p.endsWith(".dvc") && !p.equals(".dvc"));
        assertThat(ours.resolve(".gitignore")).doesNotExist();
    }
}
