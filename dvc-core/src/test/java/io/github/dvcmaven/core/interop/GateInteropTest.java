package io.github.dvcmaven.core.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dvcmaven.core.api.AddOptions;
import io.github.dvcmaven.core.api.DvcRenderer;
import io.github.dvcmaven.core.api.Repo;
import io.github.dvcmaven.core.api.RepoOptions;
import io.github.dvcmaven.core.api.ReproOptions;
import io.github.dvcmaven.core.api.StageStatus;
import io.github.dvcmaven.core.api.StatusOptions;
import io.github.dvcmaven.core.api.StatusReport;
import io.github.dvcmaven.core.api.SyncOptions;
import io.github.dvcmaven.core.testing.DvcCli;
import io.github.dvcmaven.core.testing.ExternalTools;
import io.github.dvcmaven.core.testing.GateLab;
import io.github.dvcmaven.core.testing.IndependentJson;
import io.github.dvcmaven.core.testing.Proc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The data-free gate against the real dvc: on a fresh clone (no cache, no data) of a repository made by
 * dvc and of one made by us, our verdict is dvc's {@code repro --allow-missing --dry} verdict; after a
 * pull, our plain status equals {@code dvc status --json} and the gate agrees with it.
 */
@Tag("interop")
class GateInteropTest {
    @org.junit.jupiter.api.io.TempDir
    Path tmp;

    DvcCli dvc;

    @BeforeEach
    void setUp() {
        ExternalTools.dvcVenv();
        dvc = new DvcCli(tmp.resolve("cfg"));
    }

    private Repo open(Path dir) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(dvc.env());
        return Repo.open(dir, RepoOptions.defaults().withCwd(dir).withEnv(env));
    }

    /** The gate lab: raw data tracked by a .dvc file, prep → train → eval, pushed, committed. */
    private Path origin(String madeBy) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("origin-" + madeBy));
        DvcCli.git(dir, "init", "-q");
        GateLab.write(dir);
        Path remote = tmp.resolve("remote-" + madeBy);
        if (madeBy.equals("dvc")) {
            dvc.ok(dir, "init", "-q");
            dvc.ok(dir, "remote", "add", "-d", "store", remote.toString());
            dvc.ok(dir, "add", "-q", "data/raw");
            dvc.ok(dir, "repro", "-q");
            dvc.ok(dir, "push", "-q");
        } else {
            Repo.init(dir);
            try (Repo repo = open(dir)) {
                repo.remotes().add("store", remote.toString());
                repo.remotes().setDefault("store");
            }
            try (Repo repo = open(dir)) {
                repo.add(List.of("data/raw"), AddOptions.defaults());
                repo.repro(List.of(), ReproOptions.defaults());
                repo.push(SyncOptions.of(List.of()));
            }
        }
        DvcCli.git(dir, "add", "-A");
        DvcCli.git(dir, "commit", "-qm", "pipeline");
        return dir;
    }

    private Path freshClone(Path origin, String name) {
        DvcCli.git(tmp, "clone", "-q", origin.toString(), name);
        return tmp.resolve(name);
    }

    private static final Pattern STAGE = Pattern.compile("(?:Running stage|failed to reproduce) '([^']+)'");

    /** dvc's verdict: the stages {@code repro --allow-missing --dry} would run (it stops at the first failure). */
    private Set<String> dvcWouldRun(Path clone) {
        Proc.Result r = dvc.run(clone, "repro", "--allow-missing", "--dry");
        Set<String> stages = new TreeSet<>();
        Matcher m = STAGE.matcher(r.stdout() + r.stderr());
        while (m.find()) {
            stages.add(m.group(1));
        }
        if (stages.isEmpty()) {
            assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
            assertThat(r.stdout()).contains("Data and pipelines are up to date.");
        }
        return stages;
    }

    private Set<String> oursStale(Path clone) {
        try (Repo repo = open(clone)) {
            StatusReport r = repo.status(new StatusOptions(List.of(), true));
            return r.stageStatuses().stream()
                    .map(StageStatus::addressing)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static void edit(Path file, String from, String to) {
        try {
            String text = Files.readString(file);
            assertThat(text).contains(from);
            Files.writeString(file, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dvc", "ours"})
    void onAFreshCloneOurVerdictIsDvcsAllowMissingVerdict(String madeBy) throws IOException {
        Path origin = origin(madeBy);
        Map<String, Consumer<Path>> scenarios = new LinkedHashMap<>();
        scenarios.put("unchanged", c -> {});
        scenarios.put("param", c -> edit(c.resolve("params.yaml"), "C: 0.5", "C: 1.5"));
        scenarios.put("code", c -> edit(c.resolve("src/eval.sh"), "auc", "roc_auc"));
        scenarios.put("cmd", c -> edit(c.resolve("dvc.yaml"), "cmd: sh src/train.sh", "cmd: sh ./src/train.sh"));
        for (Map.Entry<String, Consumer<Path>> s : scenarios.entrySet()) {
            Path clone = freshClone(origin, madeBy + "-" + s.getKey());
            s.getValue().accept(clone);
            Set<String> theirs = dvcWouldRun(clone);
            Set<String> ours = oursStale(clone);
            assertThat(ours.isEmpty())
                    .as(s.getKey() + ": ours " + ours + ", dvc " + theirs)
                    .isEqualTo(theirs.isEmpty());
            assertThat(ours).as(s.getKey()).containsAll(theirs);
            assertThat(Files.exists(clone.resolve(".dvc/cache/files")))
                    .as("nothing entered the cache")
                    .isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dvc", "ours"})
    void afterAPullOurStatusIsDvcStatusAndTheGateAgrees(String madeBy) throws IOException {
        Path clone = freshClone(origin(madeBy), madeBy + "-pulled");
        dvc.ok(clone, "pull", "-q");
        for (String step : List.of("clean", "param")) {
            if (step.equals("param")) {
                edit(clone.resolve("params.yaml"), "C: 0.5", "C: 2.5");
            }
            String theirs = dvc.ok(clone, "status", "--json").out();
            try (Repo repo = open(clone)) {
                assertThat(IndependentJson.parse(DvcRenderer.json(repo.status(List.of()))))
                        .as(step)
                        .isEqualTo(IndependentJson.parse(theirs));
                assertThat(repo.status(new StatusOptions(List.of(), true)).isClean())
                        .as(step)
                        .isEqualTo(IndependentJson.parse(theirs).equals(Map.of()));
            }
        }
    }
}
