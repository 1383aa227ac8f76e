package io.github.dvcmaven.core.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dvcmaven.core.api.CompareOptions;
import io.github.dvcmaven.core.api.DiffReport;
import io.github.dvcmaven.core.api.DvcRenderer;
import io.github.dvcmaven.core.api.MetricsReport;
import io.github.dvcmaven.core.api.RenderOptions;
import io.github.dvcmaven.core.api.Repo;
import io.github.dvcmaven.core.api.RepoOptions;
import io.github.dvcmaven.core.testing.Datasets;
import io.github.dvcmaven.core.testing.DvcCli;
import io.github.dvcmaven.core.testing.ExternalTools;
import io.github.dvcmaven.core.testing.IndependentJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * metrics show/diff and params diff against dvc's on one history: a cached metric (read through the
 * cache, or fetched from the remote), a git-tracked one, a top-level TOML one, nested keys, booleans,
 * strings, and params used by keys and as whole files. Same --json data; same tables.
 */
@Tag("interop")
class MetricsInteropTest {
    @TempDir
    Path tmp;

    DvcCli dvc;
    Path repo;

    @BeforeEach
    void history() throws IOException {
        ExternalTools.dvcVenv();
        dvc = new DvcCli(tmp.resolve("cfg"));
        repo = Files.createDirectories(tmp.resolve("repo"));
        DvcCli.git(repo, "init", "-q");
        dvc.ok(repo, "init", "-q");
        Files.createDirectories(repo.resolve("src"));
        Files.writeString(repo.resolve("dvc.yaml"), """
                stages:
                  train:
                    cmd: cp src/metrics.json metrics.json && cp src/scores.yaml scores.yaml && echo m > model.txt
                    deps:
                    - src
                    params:
                    - train.C
                    - train.layers
                    - config.json:
                    outs:
                    - model.txt
                    metrics:
                    - metrics.json
                    - scores.yaml:
                        cache: false
                metrics:
                - summary.toml
                params:
                - extra.yaml
                """);
        Files.writeString(repo.resolve("model.txt"), "m");
        Files.writeString(repo.resolve("config.json"), "{\"lr\": 0.001, \"opt\": {\"name\": \"adam\", \"beta\": 0.9}}");
        Files.writeString(repo.resolve("extra.yaml"), "note: first\nsizes: [1, 2]\n");
        version("0.5", "0.825", "0.941919", "true", "1", "3");
        DvcCli.git(repo, "add", "-A");
        DvcCli.git(repo, "commit", "-qm", "v1");
        version("1.5", "0.85", "0.939394", "false", "2", "3");
        Files.writeString(repo.resolve("config.json"), "{\"lr\": 0.01, \"opt\": {\"name\": \"adam\", \"beta\": 0.9}}");
        Files.writeString(repo.resolve("extra.yaml"), "note: second\nsizes: [1, 3]\n");
        DvcCli.git(repo, "add", "-A");
        DvcCli.git(repo, "commit", "-qm", "v2");
        version("2.5", "0.9", "0.95", "true", "2", "4.5");
    }

    private void version(String c, String acc, String auc, String flag, String epochs, String total)
            throws IOException {
        Files.writeString(repo.resolve("params.yaml"), "train:\n  C: " + c + "\n  layers: [64, 32]\n  seed: 42\n");
        Files.writeString(
                repo.resolve("src/metrics.json"),
                "{\"holdout\": {\"accuracy\": " + acc + ", \"auc\": " + auc
                        + "}, \"threshold\": 0.5, \"model\": \"lr\", \"history\": [1, 2]}");
        Files.writeString(repo.resolve("src/scores.yaml"), "best: " + flag + "\nepochs: " + epochs + "\n");
        Files.writeString(repo.resolve("summary.toml"), "[run]\ntotal = " + total + "\n");
        dvc.ok(repo, "repro", "-q");
    }

    private Repo open() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(dvc.env());
        return Repo.open(repo, RepoOptions.defaults().withCwd(repo).withEnv(env));
    }

    private static Object json(String s) {
        return IndependentJson.parse(s.trim());
    }

    private static List<String> lines(String out) {
        return out.isEmpty() ? List.of() : Arrays.asList(out.split("\n"));
    }

    @Test
    void showAndDiffGiveDvcsDataAndTables() {
        try (Repo r = open()) {
            MetricsReport show = r.metricsShow(null);
            assertThat(json(DvcRenderer.json(show)))
                    .isEqualTo(json(dvc.ok(repo, "metrics", "show", "--json").out()));
            assertThat(DvcRenderer.render(show, RenderOptions.text().withPrecision(5)))
                    .isEqualTo(lines(dvc.ok(repo, "metrics", "show").out()));
            assertThat(DvcRenderer.render(show, RenderOptions.markdown().withPrecision(5)))
                    .isEqualTo(
                            lines(dvc.ok(repo, "metrics", "show", "--md").out().stripTrailing()));

            for (String[] revs : List.of(new String[] {"HEAD", null}, new String[] {"HEAD~1", "HEAD"})) {
                String[] dvcRevs = revs[1] == null ? new String[] {revs[0]} : revs;
                for (boolean all : List.of(false, true)) {
                    DiffReport m =
                            r.metricsDiff(CompareOptions.of(revs[0], revs[1]).withAll(all));
                    DiffReport p =
                            r.paramsDiff(CompareOptions.of(revs[0], revs[1]).withAll(all));
                    String[] extra = all ? new String[] {"--all"} : new String[0];
                    assertThat(json(DvcRenderer.json(m)))
                            .as("metrics diff %s", String.join(" ", dvcRevs))
                            .isEqualTo(json(dvc.ok(
                                            repo, concat(new String[] {"metrics", "diff", "--json"}, dvcRevs, extra))
                                    .out()));
                    assertThat(json(DvcRenderer.json(p)))
                            .as("params diff %s", String.join(" ", dvcRevs))
                            .isEqualTo(json(dvc.ok(
                                            repo, concat(new String[] {"params", "diff", "--json"}, dvcRevs, extra))
                                    .out()));
                    // dvc orders files by a Python set (random per process); rows within a file are sorted
                    assertThat(DvcRenderer.render(m, RenderOptions.text().withPrecision(5)))
                            .as("metrics diff table")
                            .containsExactlyInAnyOrderElementsOf(lines(dvc.ok(
                                            repo, concat(new String[] {"metrics", "diff"}, dvcRevs, extra))
                                    .out()));
                    assertThat(DvcRenderer.render(p, RenderOptions.markdown()))
                            .as("params diff markdown")
                            .containsExactlyInAnyOrderElementsOf(lines(dvc.ok(
                                            repo, concat(new String[] {"params", "diff", "--md"}, dvcRevs, extra))
                                    .out()
                                    .stripTrailing()));
                }
            }
        }
    }

    @Test
    void anOldRevisionsCachedMetricsComeFromTheRemoteWhenTheCacheLacksThem() throws IOException {
        Path remote = tmp.resolve("remote");
        dvc.ok(repo, "remote", "add", "-d", "store", remote.toString());
        // the remote holds every object ever cached (its layout is the cache's)
        Datasets.copyTree(repo.resolve(".dvc/cache/files"), remote.resolve("files"));
        String expected =
                dvc.ok(repo, "metrics", "diff", "--json", "HEAD~1", "HEAD").out();
        try (Stream<Path> walk = Files.walk(repo.resolve(".dvc/cache"))) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                p.toFile().setWritable(true);
                p.toFile().delete();
            });
        }
        try (Repo r = open()) {
            assertThat(json(DvcRenderer.json(r.metricsDiff(CompareOptions.of("HEAD~1", "HEAD")))))
                    .isEqualTo(json(expected));
        }
    }

    private static String[] concat(String[]... parts) {
        return Stream.of(parts).flatMap(Stream::of).toArray(String[]::new);
    }
}
