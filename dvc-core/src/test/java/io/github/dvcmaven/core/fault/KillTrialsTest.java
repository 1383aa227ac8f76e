package io.github.dvcmaven.core.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dvcmaven.core.hash.FileHasher;
import io.github.dvcmaven.core.repo.Repo;
import io.github.dvcmaven.core.repo.RepoOptions;
import io.github.dvcmaven.core.repo.StatusOptions;
import io.github.dvcmaven.core.testing.Datasets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * kill -9 at random moments of add, repro, push and pull (a local remote), in a child JVM: afterwards
 * every object in the cache and on the remote matches its name, no pointer or lock file is half
 * written, and a rerun completes the operation with the workspace as it should be. Each trial's kill
 * point is drawn from a fixed seed; {@code -Ddvc.kill.trials=N} runs more (the release mode).
 */
@Tag("fault")
class KillTrialsTest {
    private static final int TRIALS = Integer.getInteger("dvc.kill.trials", 12);
    private static final long SEED = Long.getLong("dvc.kill.seed", 19L);

    @TempDir
    Path tmp;

    @Test
    void killedOperationsLeaveNothingCorruptAndARerunCompletesThem() throws Exception {
        Path ws = Files.createDirectories(tmp.resolve("ws"));
        Repo.init(ws, true, false);
        Files.createDirectories(ws.resolve("data"));
        for (int i = 0; i < 300; i++) {
            Datasets.writeRandom(ws.resolve("data/f" + i + ".bin"), 4096 + i, i);
        }
        Datasets.writeRandom(ws.resolve("big.bin"), 48L << 20, 99);
        Files.writeString(ws.resolve("dvc.yaml"), "stages:\n  copy:\n    cmd: cp big.bin copy.bin\n    deps: [big.bin]\n"
                + "    outs: [copy.bin]\n");
        Map<String, String> expected = contents(ws, List.of("data", "big.bin"));
        Path remote = tmp.resolve("remote");
        try (Repo repo = open(ws)) {
            repo.remotes().add("r", remote.toString(), true, false, false);
        }
        Random random = new Random(SEED);
        String[] ops = {"add", "repro", "push", "pull"};
        List<String> log = new ArrayList<>();
        for (int trial = 0; trial < TRIALS; trial++) {
            String op = ops[trial % ops.length];
            if (op.equals("pull")) {
                deleteTree(ws.resolve(".dvc/cache"));
                deleteTree(ws.resolve("data"));
                Files.deleteIfExists(ws.resolve("big.bin"));
            }
            long killAfter = 100 + random.nextInt(2500);
            boolean killed = runAndKill(op, ws, killAfter);
            log.add(op + (killed ? " killed after " + killAfter + " ms" : " finished before " + killAfter + " ms"));
            assertObjectsMatchTheirNames(ws.resolve(".dvc/cache"));
            assertObjectsMatchTheirNames(remote);
            assertWholeYaml(ws.resolve("dvc.lock"));
            for (Path pointer : List.of(ws.resolve("data.dvc"), ws.resolve("big.bin.dvc"))) {
                assertWholeYaml(pointer);
            }
            // the rerun, uninterrupted, completes it
            assertThat(runAndKill(op, ws, 600_000)).as("rerun of " + op).isFalse();
            assertObjectsMatchTheirNames(ws.resolve(".dvc/cache"));
            if (!op.equals("repro")) {
                assertThat(contents(ws, List.of("data", "big.bin"))).as("workspace after " + op).isEqualTo(expected);
            }
        }
        try (Repo repo = open(ws)) {
            assertThat(repo.status(StatusOptions.of(List.of())).stages()).isEmpty();
        }
        System.out.println("kill trials (seed " + SEED + "): " + String.join("; ", log));
    }

    private static Repo open(Path ws) {
        return Repo.open(ws, RepoOptions.defaults().withCwd(ws).withEnv(Map.of()));
    }

    /** Runs the operation in a child JVM; kills it with SIGKILL after the delay. True when it was killed. */
    private static boolean runAndKill(String op, Path ws, long killAfterMillis) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), KillTarget.class.getName(), op,
                ws.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor(killAfterMillis, TimeUnit.MILLISECONDS)) {
            assertThat(p.exitValue()).as(op + " exit").isZero();
            return false;
        }
        p.destroyForcibly(); // SIGKILL
        p.waitFor();
        return true;
    }

    private static void assertObjectsMatchTheirNames(Path store) throws IOException {
        Path files = store.resolve("files/md5");
        if (!Files.isDirectory(files)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(files)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String name = p.getFileName().toString();
                if (name.startsWith(".")) {
                    continue; // a killed writer's temp: not an object
                }
                String hash = p.getParent().getFileName() + name.replace(".dir", "");
                assertThat(FileHasher.hash(p, "md5")).as("object " + store.relativize(p)).isEqualTo(hash);
            }
        }
    }

    private static void assertWholeYaml(Path file) throws IOException {
        if (Files.exists(file)) {
            String text = Files.readString(file);
            assertThat(text).as(file + " is whole").endsWith("\n");
            io.github.dvcmaven.core.format.yaml.YamlReader.parse(text, file.toString());
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
            for (Path x : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                x.toFile().setWritable(true);
                Files.delete(x);
            }
        }
    }
}
