package io.github.dvcmaven.core.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.InitOptions;
import io.github.dvcmaven.core.api.Repo;
import io.github.dvcmaven.core.api.RepoOptions;
import io.github.dvcmaven.core.api.StatusOptions;
import io.github.dvcmaven.core.internal.format.params.ParamsFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzed repository files read by the goals' read-only paths, all in one JVM: dvc.yaml, dvc.lock, a
 * {@code .dvc} pointer, {@code .dvc/config} and params files (YAML, JSON, TOML, Python), mutated from
 * seeds that include every input that once crashed or hung. Each must end, within seconds, in a value
 * or a {@link DvcException} that names the file; never another exception type, a stack overflow, an
 * exhausted heap or a write to the workspace. {@code -Ddvc.fuzz.inputs=N} (default 10,000) and
 * {@code -Ddvc.fuzz.seed=S} replay or lengthen a run.
 */
@Tag("fault")
class FuzzedInputsTest {
    private static final int INPUTS = Integer.getInteger("dvc.fuzz.inputs", 10_000);
    private static final long SEED = Long.getLong("dvc.fuzz.seed", 20261202L);
    private static final long TIMEOUT_SECONDS = 10;

    @TempDir
    Path tmp;

    /** One kind of input: the file it is written to, and its seeds. */
    record Kind(String file, List<String> seeds) {}

    static final String DVC_YAML = """
            vars:
              - params.yaml
              - local:
                  n: 3
            stages:
              load:
                cmd: java src/Churn.java load ${train.seed}
                deps:
                - src/Churn.java
                outs:
                - data/raw.csv
              train:
                foreach: ${models}
                do:
                  cmd: java src/Churn.java train ${item.name} --c ${item.c}
                  deps:
                  - data/raw.csv
                  params:
                  - train.C
                  outs:
                  - models/${item.name}.txt
              grid:
                matrix:
                  lr: [0.1, 0.01]
                  depth: ${depths}
                cmd: echo ${item.lr} ${item.depth} ${local.n}
                outs:
                - grid/${item.lr}-${item.depth}.txt:
                    cache: false
              eval:
                cmd: java src/Churn.java eval
                wdir: .
                deps:
                - models/a.txt
                params:
                - train.threshold
                - params.json:
                  - nested.key
                - params.toml:
                  - train.C
                - params.py:
                  - C
                  - Train.seed
                metrics:
                - metrics.json:
                    cache: false
                plots:
                - plots/predictions.csv:
                    x: actual
                    y: predicted
            plots:
            - plots/predictions.csv
            """;

    static final String DVC_LOCK = """
            schema: '2.0'
            stages:
              load:
                cmd: java src/Churn.java load 42
                deps:
                - path: src/Churn.java
                  hash: md5
                  md5: 0cc175b9c0f1b6a831c399e269772661
                  size: 1
                outs:
                - path: data/raw.csv
                  hash: md5
                  md5: 92eb5ffee6ae2fec3ad71c777531578f
                  size: 1
              eval:
                cmd: java src/Churn.java eval
                params:
                  params.yaml:
                    train.threshold: 0.5
                outs:
                - path: metrics.json
                  hash: md5
                  md5: 4a8a08f09d37b73795649038408b5f33
                  size: 1
                  isexec: true
            """;

    static final String POINTER = """
            outs:
            - md5: 92eb5ffee6ae2fec3ad71c777531578f.dir
              size: 3
              nfiles: 2
              hash: md5
              path: images
              desc: raw images
              meta:
                owner: data-team
            """;

    static final String CONFIG = """
            [core]
                remote = storage
                autostage = true
            [cache]
                type = reflink,copy
                shared = group
            ['remote "storage"']
                url = s3://bucket/path
                endpointurl = http://127.0.0.1:9000
                jobs = 4
            ['remote "sub"']
                url = remote://storage/sub
            """;

    static final String PARAMS_YAML = """
            train:
              C: 1.0
              test_size: 0.2
              seed: 42
              threshold: 0.5
            models:
            - {name: a, c: 1}
            - {name: b, c: 2}
            depths: [2, 4]
            anchors: &base {x: 1, y: [1, 2]}
            derived:
              <<: *base
              z: 3
            """;

    static final String PARAMS_JSON =
            "{\"nested\": {\"key\": [1, 2.5, \"x\", null, true, {\"deep\": [[]]}]}, \"n\": -1e3}";

    static final String PARAMS_TOML = """
            title = "churn"
            [train]
            C = 1.0
            layers = [[1, 2], [3]]
            inline = { a = 1, b = { c = "d" } }
            [[runs]]
            name = "r1"
            when = 1979-05-27T07:32:00Z
            """;

    static final String PARAMS_PY = """
            C = 1.0
            LAYERS: list = [1, (2, 3), {"a": None}]
            NAME = 'churn' "model"
            class Train:
                seed = 42
                def __init__(self):
                    self.lr = 0.1
            """;

    /** Inputs that once crashed or hung a goal (issue 19's findings), kept as seeds. */
    static String aliasBomb() {
        StringBuilder b = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 9; i++) {
            b.append((char) ('a' + i)).append(": &").append((char) ('a' + i)).append(" [");
            for (int j = 0; j < 9; j++) {
                b.append(j == 0 ? "" : ", ").append('*').append((char) ('a' + i - 1));
            }
            b.append("]\n");
        }
        return b.toString();
    }

    static final List<String> KNOWN_BAD_YAML = List.of(
            "a: &a [*a]\n",
            "x: &x {k: *x}\nstages: {s: {cmd: ${x}}}\n",
            "vars:\n- params.yaml\nstages:\n  s:\n    matrix: {a: [1,2,3,4,5,6,7,8,9,0], b: [1,2,3,4,5,6,7,8,9,0], c: [1,2,3,4,5,6,7,8,9,0],"
                    + " d: [1,2,3,4,5,6,7,8,9,0], e: [1,2,3,4,5,6,7,8,9,0], f: [1,2,3,4,5,6,7,8,9,0], g: [1,2,3,4,5,6,7,8,9,0]}\n"
                    + "    cmd: echo ${item.a}\n",
            "stages:\n  s:\n    cmd: " + "${".repeat(300) + "\n",
            "[".repeat(5000) + "\n");

    static final List<Kind> KINDS = List.of(
            new Kind(
                    "dvc.yaml",
                    List.of(
                            DVC_YAML,
                            aliasBomb() + "stages: {}\n",
                            KNOWN_BAD_YAML.get(0),
                            KNOWN_BAD_YAML.get(1),
                            KNOWN_BAD_YAML.get(2),
                            KNOWN_BAD_YAML.get(3),
                            KNOWN_BAD_YAML.get(4))),
            new Kind("dvc.lock", List.of(DVC_LOCK, "schema: '2.0'\nstages:\n  s: &s {cmd: *s}\n")),
            new Kind("images.dvc", List.of(POINTER, "outs:\n- path: ../../etc/passwd\n  md5: x\n")),
            new Kind(
                    ".dvc/config",
                    List.of(
                            CONFIG,
                            "remote = x\n[core]\n",
                            "['remote \"a\"']\nurl = remote://a/x\n[core]\nremote = a\n",
                            "['remote \"a\"']\nurl = remote://b\n['remote \"b\"']\nurl = remote://a\n[core]\nremote = a\n")),
            new Kind("params.yaml", List.of(PARAMS_YAML, aliasBomb())),
            new Kind("params.json", List.of(PARAMS_JSON, "[".repeat(100_000), "{\"a\":".repeat(50_000))),
            new Kind(
                    "params.toml",
                    List.of(PARAMS_TOML, "a = " + "[".repeat(100_000), "[" + "a.".repeat(20_000) + "b]\n")),
            new Kind(
                    "params.py",
                    List.of(PARAMS_PY, "X = " + "[".repeat(100_000), "T = " + "1, ".repeat(50_000) + "1\n")));

    static final String[] TOKENS = {
        "${",
        "}",
        "{",
        "[",
        "]",
        ":",
        ": ",
        "- ",
        "\n",
        "\n  ",
        "\n    ",
        "\t",
        "&a ",
        "*a",
        "<<: *a",
        "'",
        "\"",
        "\\",
        "#",
        "!!python/object:os.system ",
        "\0",
        "\uFFFF",
        "\uD800",
        "..",
        "/",
        "../",
        "foreach:",
        "do:",
        "matrix:",
        "vars:",
        "${item}",
        "${key}",
        "${train.seed}",
        "${models}",
        "-1e999",
        "0x1F",
        "1979-05-27",
        "null",
        "~",
        "true",
        "NaN",
        ".inf",
        "=",
        "[[",
        "]]",
        "remote://storage",
        "remote://sub/x",
        "['remote \"x\"']",
        "url = ",
        "md5: ",
        ".dir",
        "cache: false",
        "wdir: ../..",
        "path: /etc",
        "???",
        "%",
        ","
    };

    @Test
    void fuzzedRepositoryFilesEndInAValueOrAnErrorNamingTheFile() throws Exception {
        Random random = new Random(SEED);
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long peakHeap = 0;
        ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
            // a small stack, as a worker thread may have: recursion that is bounded here is bounded anywhere
            Thread t = new Thread(null, r, "fuzz-runner", 512 * 1024);
            t.setDaemon(true);
            return t;
        });
        try {
            Path ws = baseRepository();
            for (int i = 0; i < INPUTS && failures.size() < 20; i++) {
                Kind kind = KINDS.get(i % KINDS.size());
                String input = i < KINDS.size() * 8
                        ? kind.seeds().get((i / KINDS.size()) % kind.seeds().size())
                        : mutate(random, kind, random.nextInt(kind.seeds().size()));
                Path file = ws.resolve(kind.file());
                byte[] original = Files.exists(file) ? Files.readAllBytes(file) : null;
                Files.write(file, input.getBytes(StandardCharsets.UTF_8));
                Map<String, String> before = snapshot(ws);
                Future<String> outcome = runner.submit(() -> readOnly(ws, kind));
                String result;
                try {
                    result = outcome.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    outcome.cancel(true);
                    failures.add("hang over " + TIMEOUT_SECONDS + " s on " + kind.file() + " input #" + i + ": "
                            + abbreviate(input));
                    runner.shutdownNow();
                    runner = Executors.newSingleThreadExecutor();
                    result = "hang";
                } catch (ExecutionException e) {
                    result = "unexpected " + e.getCause();
                }
                if (result.startsWith("unexpected")) {
                    failures.add(result + " on " + kind.file() + " input #" + i + ": " + abbreviate(input));
                }
                outcomes.merge(kind.file() + " " + (result.startsWith("error") ? "error" : result), 1, Integer::sum);
                if (!snapshot(ws).equals(before)) {
                    failures.add("a read-only operation changed the workspace on " + kind.file() + " input #" + i);
                }
                Runtime rt = Runtime.getRuntime();
                peakHeap = Math.max(peakHeap, rt.totalMemory() - rt.freeMemory());
                if (original == null) {
                    Files.delete(file);
                } else {
                    Files.write(file, original);
                }
            }
        } finally {
            runner.shutdownNow();
        }
        System.out.printf(
                "fuzz: %d inputs (seed %d), peak heap %d MiB, outcomes %s%n", INPUTS, SEED, peakHeap >> 20, outcomes);
        assertThat(failures).isEmpty();
    }

    /** A repository whose every kind of file is present and valid, so a mutation is read where it matters. */
    private Path baseRepository() throws IOException {
        Path ws = Files.createDirectories(tmp.resolve("ws"));
        Repo.init(ws, InitOptions.defaults().withNoScm(true));
        Files.writeString(ws.resolve("dvc.yaml"), DVC_YAML);
        Files.writeString(ws.resolve("dvc.lock"), DVC_LOCK);
        Files.writeString(ws.resolve("images.dvc"), POINTER);
        Files.writeString(ws.resolve("params.yaml"), PARAMS_YAML);
        Files.writeString(ws.resolve("params.json"), PARAMS_JSON);
        Files.writeString(ws.resolve("params.toml"), PARAMS_TOML);
        Files.writeString(ws.resolve("params.py"), PARAMS_PY);
        Files.createDirectories(ws.resolve("src"));
        Files.writeString(ws.resolve("src/Churn.java"), "class Churn {}\n");
        return ws;
    }

    /**
     * The read-only paths a goal takes: open the repository (config), resolve the default remote, and
     * compute status (every stage file, lock, pointer and params file). Returns "ok" or "error: …", and
     * throws what is not a {@link DvcException} naming the file.
     */
    private static String readOnly(Path ws, Kind kind) {
        try (Repo repo = Repo.open(ws, RepoOptions.defaults().withCwd(ws).withEnv(Map.of()))) {
            if (kind.file().equals(".dvc/config")) {
                repo.remoteOptions(null);
            }
            if (kind.file().startsWith("params")) {
                // what params show and a stage's params dependency read, whether or not status gets that far
                ParamsFiles.read(ws.resolve(kind.file()), kind.file());
            }
            repo.status(StatusOptions.of(List.of()));
            return "ok";
        } catch (DvcException e) {
            String name = kind.file().substring(kind.file().lastIndexOf('/') + 1);
            String message = String.valueOf(e.getMessage());
            // a config value is named by its key (cache.type, remote 'x'), as dvc names it
            boolean namesIt = message.contains(name)
                    || (kind.file().equals(".dvc/config")
                            && (message.contains("remote") || message.contains("cache.") || message.contains("core.")))
                    || (kind.file().startsWith("params") && message.contains("dvc.yaml"));
            if (!namesIt) {
                return "unexpected error not naming " + kind.file() + ": " + message;
            }
            return "error";
        } catch (StackOverflowError e) {
            return "unexpected StackOverflowError";
        } catch (RuntimeException | Error e) {
            return "unexpected " + e;
        }
    }

    private static String mutate(Random random, Kind kind, int seedIndex) {
        StringBuilder s = new StringBuilder(kind.seeds().get(seedIndex));
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && s.length() > 0; e++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(6)) {
                case 0 -> s.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
                case 1 -> s.delete(at, Math.min(s.length(), at + 1 + random.nextInt(12)));
                case 2 -> s.setCharAt(at, (char) (32 + random.nextInt(95)));
                case 3 -> {
                    int end = Math.min(s.length(), at + 1 + random.nextInt(40));
                    s.insert(at, s.substring(at, end));
                }
                case 4 -> {
                    String other = kind.seeds().get(random.nextInt(kind.seeds().size()));
                    int from = random.nextInt(Math.max(1, other.length()));
                    s.insert(at, other, from, Math.min(other.length(), from + random.nextInt(60)));
                }
                default ->
                    s.insert(
                            at,
                            String.valueOf(TOKENS[random.nextInt(TOKENS.length)])
                                    .repeat(1 + random.nextInt(30)));
            }
        }
        return s.toString();
    }

    /** Every workspace file and its size and mtime, but dvc's own scratch directory (state, locks). */
    private static Map<String, String> snapshot(Path ws) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(ws)) {
            for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
                String rel = ws.relativize(p).toString();
                if (rel.startsWith(".dvc/tmp") || Files.isDirectory(p)) {
                    continue;
                }
                out.put(rel, Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return out;
    }

    private static String abbreviate(String s) {
        String one = s.replace("\n", "\\n");
        return one.length() <= 300 ? one : one.substring(0, 300) + "… (" + one.length() + " chars)";
    }
}
