package io.github.dvcmaven.core.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dvcmaven.core.api.InitOptions;
import io.github.dvcmaven.core.api.Repo;
import io.github.dvcmaven.core.api.RepoOptions;
import io.github.dvcmaven.core.api.StatusOptions;
import io.github.dvcmaven.core.internal.format.yaml.YamlReader;
import io.github.dvcmaven.core.internal.hash.FileHasher;
import io.github.dvcmaven.core.testing.Datasets;
import io.github.dvcmaven.core.testing.S3ProxyServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at random moments of add, repro, push and pull (a local remote, and S3 served by S3Proxy in
 * this JVM, which outlives the killed child), in a child JVM: afterwards every object in the cache and
 * on the remote matches its name, no pointer or lock file is half written, and a rerun completes the
 * operation with the workspace as it should be. Each trial's kill point is drawn from a fixed seed;
 * {@code -Ddvc.kill.trials=N} runs more per remote (the release mode).
 */
@Tag("fault")
class KillTrialsTest {
    private static final int TRIALS = Integer.getInteger("dvc.kill.trials", 8);
    private static final long SEED = Long.getLong("dvc.kill.seed", 19L);

    @TempDir
    Path tmp;

    @Test
    void onALocalRemoteKilledOperationsLeaveNothingCorruptAndARerunCompletesThem() throws Exception {
        Path remote = tmp.resolve("remote");
        trials(remote.toString(), Map.of(), () -> objectsOnDisk(remote), () -> deleteTree(remote));
    }

    @Test
    void onS3KilledOperationsLeaveNothingCorruptAndARerunCompletesThem() throws Exception {
        try (S3ProxyServer s3 = new S3ProxyServer()) {
            Map<String, String> options = new LinkedHashMap<>();
            s3.remoteOptions(true).forEach((k, v) -> options.put(k, String.valueOf(v)));
            trials(
                    s3.url("kill"),
                    options,
                    () -> objectsOnS3(s3),
                    () -> s3.keys("kill").forEach(k -> s3.blobs().removeBlob(S3ProxyServer.BUCKET, "kill/" + k)));
        }
    }

    @FunctionalInterface
    private interface RemoteObjects {
        /** The remote's objects: relative key to bytes' MD5 as stored. */
        Map<String, String> hashes() throws IOException;
    }

    @FunctionalInterface
    private interface Step {
        void run() throws IOException;
    }

    private void trials(
            String remoteUrl, Map<String, String> remoteOptions, RemoteObjects remoteObjects, Step emptyRemote)
            throws Exception {
        Path ws = Files.createDirectories(tmp.resolve("ws"));
        Repo.init(ws, InitOptions.defaults().withNoScm(true));
        Files.createDirectories(ws.resolve("data"));
        for (int i = 0; i < 300; i++) {
            Datasets.writeRandom(ws.resolve("data/f" + i + ".bin"), 4096 + i, i);
        }
        Datasets.writeRandom(ws.resolve("big.bin"), 48L << 20, 99);
        Files.writeString(ws.resolve("dvc.yaml"), """
                        stages:
                          copy:
                            cmd: cp big.bin copy.bin
                            deps: [big.bin]
                            outs: [copy.bin]
                        """);
        Map<String, String> expected = contents(ws, List.of("data", "big.bin"));
        try (Repo repo = open(ws)) {
            repo.remotes().add("r", remoteUrl);
            repo.remotes().setDefault("r");
            // the keys in config.local, as a user keeps them
            remoteOptions.forEach((k, v) -> repo.remotes().local().modify("r", k, v));
        }
        Random random = new Random(SEED);
        String[] ops = {"add", "repro", "push", "pull"};
        List<String> log = new ArrayList<>();
        Map<String, Long> lastRun = new HashMap<>();
        for (int trial = 0; trial < TRIALS; trial++) {
            String op = ops[trial % ops.length];
            // each trial has the whole operation to do: nothing done yet that it would skip
            switch (op) {
                case "add" -> {
                    deleteTree(ws.resolve(".dvc/cache"));
                    Files.deleteIfExists(ws.resolve("data.dvc"));
                    Files.deleteIfExists(ws.resolve("big.bin.dvc"));
                }
                case "repro" -> {
                    Files.deleteIfExists(ws.resolve("dvc.lock"));
                    Files.deleteIfExists(ws.resolve("copy.bin"));
                }
                case "push" -> emptyRemote.run();
                default -> {
                    deleteTree(ws.resolve(".dvc/cache"));
                    deleteTree(ws.resolve("data"));
                    Files.deleteIfExists(ws.resolve("big.bin"));
                }
            }
            // a moment inside the operation, as long as an uninterrupted run of it took (JVM start included)
            long span = lastRun.getOrDefault(op, 2500L);
            long killAfter = span / 4 + (long) (random.nextDouble() * span * 0.7);
            long started = System.nanoTime();
            boolean killed = runAndKill(op, ws, killAfter);
            if (!killed) {
                lastRun.put(op, (System.nanoTime() - started) / 1_000_000);
            }
            log.add(op + (killed ? " killed after " + killAfter + " ms" : " finished before " + killAfter + " ms"));
            assertObjectsMatchTheirNames(ws.resolve(".dvc/cache"));
            assertMatchTheirNames(remoteObjects.hashes());
            assertWholeYaml(ws.resolve("dvc.lock"));
            for (Path pointer : List.of(ws.resolve("data.dvc"), ws.resolve("big.bin.dvc"))) {
                assertWholeYaml(pointer);
            }
            // the rerun, uninterrupted, completes it
            assertThat(runAndKill(op, ws, 600_000)).as("rerun of " + op).isFalse();
            assertObjectsMatchTheirNames(ws.resolve(".dvc/cache"));
            if (!op.equals("repro")) {
                assertThat(contents(ws, List.of("data", "big.bin")))
                        .as("workspace after " + op)
                        .isEqualTo(expected);
            }
        }
        try (Repo repo = open(ws)) {
            assertThat(repo.status(StatusOptions.of(List.of())).stageStatuses()).isEmpty();
        }
        System.out.println("kill trials on " + remoteUrl + " (seed " + SEED + "): " + String.join("; ", log));
    }

    private static Repo open(Path ws) {
        return Repo.open(ws, RepoOptions.defaults().withCwd(ws).withEnv(Map.of()));
    }

    /** Runs the operation in a child JVM; kills it with SIGKILL after the delay. True when it was killed. */
    private static boolean runAndKill(String op, Path ws, long killAfterMillis) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        KillTarget.class.getName(),
                        op,
                        ws.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (p.waitFor(killAfterMillis, TimeUnit.MILLISECONDS)) {
            assertThat(p.exitValue()).as(op + " exit").isZero();
            return false;
        }
        p.destroyForcibly(); // SIGKILL
        p.waitFor();
        return true;
    }

    private static void assertObjectsMatchTheirNames(Path store) throws IOException {
        assertMatchTheirNames(objectsOnDisk(store));
    }

    /** Every object's bytes hash to its name (a killed writer's temp, named with a dot, is no object). */
    private static void assertMatchTheirNames(Map<String, String> objects) {
        objects.forEach((key, md5) -> {
            String[] parts = key.split("/");
            String named = parts[parts.length - 2] + parts[parts.length - 1].replace(".dir", "");
            assertThat(md5).as("object " + key).isEqualTo(named);
        });
    }

    private static Map<String, String> objectsOnDisk(Path store) throws IOException {
        Map<String, String> out = new TreeMap<>();
        Path files = store.resolve("files/md5");
        if (!Files.isDirectory(files)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(files)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                if (!p.getFileName().toString().startsWith(".")) {
                    out.put(store.relativize(p).toString(), FileHasher.hash(p, "md5"));
                }
            }
        }
        return out;
    }

    private static Map<String, String> objectsOnS3(S3ProxyServer s3) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (String key : s3.keys("kill")) {
            try (InputStream in = s3.blobs()
                    .getBlob(S3ProxyServer.BUCKET, "kill/" + key)
                    .getPayload()
                    .openStream()) {
                out.put(key, FileHasher.hash(in, "md5"));
            }
        }
        return out;
    }

    private static void assertWholeYaml(Path file) throws IOException {
        if (Files.exists(file)) {
            String text = Files.readString(file);
            assertThat(text).as(file + " is whole").endsWith("\n");
            YamlReader.parse(text, file.toString());
        }
    }

    private static Map<String, String> contents(Path ws, List<String> paths) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (String rel : paths) {
            Path p = ws.resolve(rel);
            if (!Files.exists(p)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(p)) {
                for (Path f : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                    out.put(ws.relativize(f).toString(), FileHasher.hash(f, "md5"));
                }
            }
        }
        return out;
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path x : walk.sorted(Comparator.reverseOrder()).toList()) {
                x.toFile().setWritable(true);
                Files.delete(x);
            }
        }
    }
}
