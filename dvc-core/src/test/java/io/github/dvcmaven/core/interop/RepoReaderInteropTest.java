package io.github.dvcmaven.core.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dvcmaven.core.api.BuildInput;
import io.github.dvcmaven.core.api.BuildInputs;
import io.github.dvcmaven.core.api.BuildInputsResult;
import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.DvcRenderer;
import io.github.dvcmaven.core.api.ListOptions;
import io.github.dvcmaven.core.api.ReaderOptions;
import io.github.dvcmaven.core.api.RepoListing;
import io.github.dvcmaven.core.api.RepoOptions;
import io.github.dvcmaven.core.api.RepoReader;
import io.github.dvcmaven.core.api.TrackedFile;
import io.github.dvcmaven.core.internal.fs.FileTrees;
import io.github.dvcmaven.core.testing.DvcCli;
import io.github.dvcmaven.core.testing.ExternalTools;
import io.github.dvcmaven.core.testing.IndependentJson;
import io.github.dvcmaven.core.testing.Proc;
import io.github.dvcmaven.core.testing.S3ProxyServer;
import io.github.dvcmaven.core.testing.TreeSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read API against Python's {@code dvc.api} and the dvc CLI on one repository whose data lives on S3
 * (S3Proxy on loopback): same bytes, same URLs, same listings, same {@code get} trees; corrupt remote
 * bytes fail the read.
 */
@Tag("interop")
class RepoReaderInteropTest {
    @TempDir
    Path tmp;

    DvcCli dvc;
    S3ProxyServer s3;
    Path src;
    Map<String, String> env;

    @BeforeEach
    void setUp() throws Exception {
        ExternalTools.dvcVenv();
        s3 = new S3ProxyServer();
        dvc = new DvcCli(tmp.resolve("cfg"));
        s3.dvcEnv().forEach(dvc::withEnv);
        src = dvc.initRepo(tmp.resolve("registry"));
        Files.createDirectories(src.resolve("data/sub"));
        Files.writeString(src.resolve("data/a.txt"), "hello\n");
        Files.writeString(src.resolve("data/sub/b.txt"), "world\n");
        Files.write(src.resolve("model.bin"), new byte[3 << 20]);
        Files.writeString(src.resolve("params.yaml"), "train:\n  epochs: 3\n");
        dvc.ok(src, "add", "-q", "data", "model.bin");
        s3.configureDvc(dvc, src, "store", "registry");
        DvcCli.git(src, "add", "-A");
        DvcCli.git(src, "commit", "-qm", "v1");
        DvcCli.git(src, "tag", "v1");
        dvc.ok(src, "push", "-q");
        Files.writeString(src.resolve("data/a.txt"), "hello again\n");
        dvc.ok(src, "add", "-q", "data");
        DvcCli.git(src, "commit", "-qam", "v2");
        dvc.ok(src, "push", "-q");
        // only the remote has the data now
        FileTrees.deleteRecursively(src.resolve(".dvc/cache"));
        env = new HashMap<>(System.getenv());
        env.putAll(dvc.env());
    }

    @AfterEach
    void tearDown() throws Exception {
        s3.close();
    }

    private ReaderOptions options() {
        return ReaderOptions.defaults()
                .withBase(RepoOptions.defaults().withCwd(tmp).withEnv(env));
    }

    private String python(String code) {
        Proc.Result r =
                Proc.run(tmp, dvc.env(), null, List.of(ExternalTools.python().toString(), "-c", code));
        return r.assertOk().stdout();
    }

    private String pythonRead(String path, String rev) {
        return python("import dvc.api,sys,binascii; sys.stdout.write(binascii.hexlify(dvc.api.read('" + path
                + "', repo='registry', rev=" + (rev == null ? "None" : "'" + rev + "'") + ", mode='rb')).decode())");
    }

    @Test
    void readsTheBytesDvcApiReadsAtEachRevision() throws IOException {
        try (RepoReader v1 = RepoReader.open("registry", "v1", options());
                RepoReader head = RepoReader.open("registry", null, options())) {
            for (String path : List.of("model.bin", "data/a.txt", "data/sub/b.txt", "params.yaml")) {
                assertThat(hex(v1.read(path))).as(path + "@v1").isEqualTo(pythonRead(path, "v1"));
                assertThat(hex(head.read(path))).as(path).isEqualTo(pythonRead(path, null));
            }
            assertThat(v1.readString("data/a.txt")).isEqualTo("hello\n");
            assertThat(head.readString("data/a.txt")).isEqualTo("hello again\n");
            assertThat(v1.getUrl("model.bin"))
                    .isEqualTo(python("import dvc.api,sys; sys.stdout.write(dvc.api.get_url('model.bin',"
                            + " repo='registry', rev='v1'))"));
            assertThatThrownBy(() -> v1.read("data"))
                    .isInstanceOf(DvcException.class)
                    .hasMessageContaining("is a directory");
            assertThatThrownBy(() -> v1.read("nothing.csv")).hasMessageContaining("'nothing.csv' is not tracked");
        }
    }

    /** A pipeline with params in two files (one key in both) and metrics, one of them a cached output. */
    private void pipeline() throws IOException {
        Files.writeString(src.resolve("params.yaml"), "train:\n  epochs: 3\n  lr: 0.1\nseed: 7\n");
        Files.writeString(src.resolve("eval.yaml"), "thr: 0.5\nseed: 9\nunused: 1\n");
        Files.writeString(src.resolve("scores.src"), "{\"acc\": 0.9, \"nested\": {\"f1\": 0.8}, \"seed\": 1}\n");
        Files.writeString(src.resolve("loss.src"), "loss: 0.25\n");
        Files.writeString(src.resolve("dvc.yaml"), """
                stages:
                  train:
                    cmd: cp scores.src scores.json && cp loss.src loss.yaml
                    deps:
                    - scores.src
                    - loss.src
                    params:
                    - train.epochs
                    - eval.yaml:
                      - thr
                      - seed
                    metrics:
                    - scores.json:
                        cache: false
                    - loss.yaml
                """);
        dvc.ok(src, "repro", "-q");
        dvc.ok(src, "push", "-q");
        DvcCli.git(src, "add", "-A");
        DvcCli.git(src, "commit", "-qm", "pipeline");
        FileTrees.deleteRecursively(src.resolve(".dvc/cache"));
    }

    private static String canon(Object v) {
        if (v instanceof Map<?, ?> m) {
            java.util.TreeMap<String, String> sorted = new java.util.TreeMap<>();
            // dvc names a shared key's file from wherever the process runs ("junit-123/eval.yaml:seed"); we
            // name it from the repository's root ("eval.yaml:seed")
            m.forEach((k, x) -> sorted.put(String.valueOf(k).replaceFirst("^[^:]*/(?=[^/:]*:)", ""), canon(x)));
            return sorted.toString();
        }
        if (v instanceof List<?> l) {
            return l.stream().map(RepoReaderInteropTest::canon).toList().toString();
        }
        if (v instanceof Number n) {
            return new java.math.BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(v);
    }

    private String pythonShow(String call) {
        return canon(IndependentJson.parse(
                python("import dvc.api,json,sys; sys.stdout.write(json.dumps(dvc.api." + call + "))")));
    }

    @Test
    void paramsAndMetricsAreDvcApis() throws IOException {
        pipeline();
        try (RepoReader r = RepoReader.open("registry", null, options())) {
            assertThat(canon(r.paramsShow())).isEqualTo(pythonShow("params_show(repo='registry')"));
            assertThat(canon(r.paramsShow(List.of(), true)))
                    .isEqualTo(pythonShow("params_show(repo='registry', deps=True)"));
            assertThat(canon(r.paramsShow(List.of("eval.yaml"), false)))
                    .isEqualTo(pythonShow("params_show('eval.yaml', repo='registry')"));
            assertThat(canon(r.metricsShow())).isEqualTo(pythonShow("metrics_show(repo='registry')"));
            assertThat(canon(r.metricsShow(List.of("loss.yaml"))))
                    .isEqualTo(pythonShow("metrics_show('loss.yaml', repo='registry')"));
            assertThat(r.paramsShow()).containsKey("eval.yaml:seed").containsKey("params.yaml:seed");
            assertThatThrownBy(() -> r.metricsShow(List.of("nothing.json")))
                    .isInstanceOf(DvcException.class)
                    .hasMessageContaining("nothing.json");
        }
        try (RepoReader v1 = RepoReader.open("registry", "v1", options())) {
            assertThat(canon(v1.paramsShow())).isEqualTo(pythonShow("params_show(repo='registry', rev='v1')"));
        }
    }

    @Test
    void buildInputsAreFetchedOnceVerifiedAndRecorded() throws Exception {
        pipeline();
        Path out = tmp.resolve("build/classes/models");
        Path manifest = out.resolve("dvc-inputs.json");
        List<BuildInput> inputs = List.of(
                new BuildInput("registry", "v1", List.of("model.bin", "data"), null),
                new BuildInput("registry", null, List.of("params.yaml"), null));
        ReaderOptions machineCache = options().withCacheDir(tmp.resolve("machine-cache"));
        BuildInputsResult first = BuildInputs.fetch(inputs, out, manifest, machineCache, false);
        assertThat(first.written()).isEqualTo(3);
        assertThat(Files.size(out.resolve("model.bin"))).isEqualTo(3 << 20);
        assertThat(out.resolve("data/a.txt")).hasContent("hello\n"); // v1's directory...
        try (RepoReader head = RepoReader.open("registry", null, options())) {
            // ...while the second input's file is HEAD's, and the manifest names both commits
            assertThat(out.resolve("params.yaml")).hasContent(head.readString("params.yaml"));
            Map<?, ?> doc = (Map<?, ?>) IndependentJson.parse(Files.readString(manifest));
            List<?> entries = (List<?>) doc.get("inputs");
            assertThat(entries).hasSize(3);
            Map<?, ?> model = (Map<?, ?>) entries.get(0);
            assertThat(model.get("commit"))
                    .isEqualTo(DvcCli.git(src, "rev-parse", "v1").stdout().trim());
            assertThat(model.get("md5"))
                    .isEqualTo(dvc.ok(src, "ls", "--json", "--show-hash", ".", "--rev", "v1")
                            .out()
                            .replaceAll("(?s).*\"md5\": \"([0-9a-f]{32})\", \"path\": \"model.bin\".*", "$1"));
            assertThat(((Map<?, ?>) entries.get(2)).get("commit")).isEqualTo(head.commit());
            assertThat(((Map<?, ?>) entries.get(2)).get("metrics").toString())
                    .contains("acc")
                    .contains("loss");
        }
        // nothing to do the second time, even with the remote gone
        s3.close();
        BuildInputsResult again = BuildInputs.fetch(inputs, out, manifest, machineCache, false);
        assertThat(again.written()).isZero();
        assertThat(BuildInputs.fetch(inputs, out, manifest, machineCache, true).written())
                .isZero();
        // a changed file is noticed and restored from the machine cache, the remote still gone
        Files.writeString(out.resolve("data/sub/b.txt"), "tampered\n");
        assertThat(BuildInputs.fetch(inputs, out, manifest, machineCache, false).written())
                .isEqualTo(1);
        assertThat(out.resolve("data/sub/b.txt")).hasContent("world\n");
        assertThatThrownBy(() -> BuildInputs.fetch(
                        List.of(inputs.get(0), new BuildInput("registry", null, List.of("data/a.txt"), null)),
                        out,
                        manifest,
                        machineCache,
                        false))
                .isInstanceOf(DvcException.class)
                .hasMessageContaining("build inputs overlap: 'data/a.txt'");
        // offline with something missing fails naming the input
        FileTrees.deleteRecursively(out.resolve("model.bin"));
        assertThatThrownBy(() -> BuildInputs.fetch(inputs, out, manifest, machineCache, true))
                .isInstanceOf(DvcException.class)
                .hasMessageContaining("'registry' at v1")
                .hasMessageContaining("offline");
    }

    @Test
    void concurrentStreamsEachGetTheRightBytes() throws Exception {
        try (RepoReader r = RepoReader.open("registry", "v1", options())) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<byte[]>> reads = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String path = i % 2 == 0 ? "model.bin" : "data/sub/b.txt";
                reads.add(pool.submit(() -> {
                    try (InputStream in = r.open(path)) {
                        return in.readAllBytes();
                    }
                }));
            }
            for (int i = 0; i < reads.size(); i++) {
                assertThat(reads.get(i).get()).hasSize(i % 2 == 0 ? 3 << 20 : 6);
            }
            pool.shutdown();
        }
    }

    @Test
    void corruptRemoteBytesFailTheRead() throws Exception {
        String key;
        try (RepoReader r = RepoReader.open("registry", "v1", options())) {
            key = r.getUrl("data/sub/b.txt").replace("s3://" + S3ProxyServer.BUCKET + "/", "");
        }
        s3.put(key, "w0rld\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try (RepoReader r = RepoReader.open("registry", "v1", options());
                InputStream in = r.open("data/sub/b.txt")) {
            assertThatThrownBy(in::readAllBytes)
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("'data/sub/b.txt' of 'registry'")
                    .hasMessageContaining("corrupted");
        }
    }

    @Test
    void listingsAreDvcLsOfTheClone() {
        String url = src.toUri().toString().replaceAll("/$", "");
        // dvc clones a file:// URL, and a clone has no config.local: it takes the keys from the environment
        dvc.withEnv("AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY)
                .withEnv("AWS_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_KEY);
        try (RepoReader r = RepoReader.open(url, "v1", options())) {
            for (ListOptions o : List.of(
                    ListOptions.of(""),
                    ListOptions.of("").withRecursive(true),
                    ListOptions.of("data"),
                    ListOptions.of("data/sub"),
                    ListOptions.of("data/a.txt"),
                    ListOptions.of("").withDvcOnly(true),
                    ListOptions.of("").withRecursive(true).withDvcOnly(true))) {
                List<String> args = new ArrayList<>(List.of("ls", url, o.path(), "--rev", "v1"));
                if (o.recursive()) {
                    args.add("-R");
                }
                if (o.dvcOnly()) {
                    args.add("--dvc-only");
                }
                List<TrackedFile> ours = r.list(o);
                List<String> json = new ArrayList<>(args);
                json.add("--json");
                assertThat(IndependentJson.parse(DvcRenderer.json(new RepoListing(ours, Set.of()))))
                        .as(String.join(" ", json))
                        .isEqualTo(IndependentJson.parse(
                                dvc.ok(tmp, json.toArray(String[]::new)).stdout()));
                List<String> text = new ArrayList<>(args);
                text.add("--size");
                text.add("--show-hash");
                assertThat(String.join(
                                        "\n",
                                        DvcRenderer.text(new RepoListing(
                                                ours, Set.of(RepoListing.Column.SIZE, RepoListing.Column.HASH))))
                                + "\n")
                        .as(String.join(" ", text))
                        .isEqualTo(dvc.ok(tmp, text.toArray(String[]::new)).stdout());
            }
        }
    }

    @Test
    void getWritesTheTreeDvcGetWrites() throws IOException {
        try (RepoReader r = RepoReader.open("registry", "v1", options())) {
            r.get("data", tmp.resolve("ours"));
            r.get("data/sub/b.txt", tmp.resolve("b-ours.txt"));
            assertThatThrownBy(() -> r.get("data", tmp.resolve("ours"))).hasMessageContaining("already exists");
        }
        dvc.ok(tmp, "get", "registry", "data", "-o", "theirs", "--rev", "v1");
        assertThat(TreeSnapshot.of(tmp.resolve("ours"))).isEqualTo(TreeSnapshot.of(tmp.resolve("theirs")));
        assertThat(Files.readString(tmp.resolve("b-ours.txt"))).isEqualTo("world\n");
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    private static String hex(byte[] b) {
        return java.util.HexFormat.of().formatHex(b);
    }
}
