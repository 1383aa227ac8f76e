package io.github.dvcmaven.core.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dvcmaven.core.api.DataStatusOptions;
import io.github.dvcmaven.core.api.DiffOptions;
import io.github.dvcmaven.core.api.DvcRenderer;
import io.github.dvcmaven.core.api.RenderOptions;
import io.github.dvcmaven.core.api.Repo;
import io.github.dvcmaven.core.api.RepoOptions;
import io.github.dvcmaven.core.internal.py.PyStrings;
import io.github.dvcmaven.core.testing.DvcCli;
import io.github.dvcmaven.core.testing.ExternalTools;
import io.github.dvcmaven.core.testing.IndependentJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dvc:diff and dvc:data-status against the real dvc, scenario by scenario on one repository: the same
 * JSON (dvc's data status lists come in hash-table order, so lists are compared sorted), and for diff
 * the same text and Markdown.
 */
@Tag("interop")
class DataDiffInteropTest {
    @TempDir
    Path tmp;

    DvcCli dvc;
    Path dir;

    @BeforeEach
    void setUp() throws IOException {
        ExternalTools.dvcVenv();
        dvc = new DvcCli(tmp.resolve("cfg"));
        dir = Files.createDirectories(tmp.resolve("repo"));
        DvcCli.git(dir, "init", "-q");
        dvc.ok(dir, "init", "-q");
        write("data/a.txt", "a\n");
        write("data/sub/b.txt", "b\n");
        write("data/a-b.txt", "dash\n");
        write("data/a/b.txt", "slash\n");
        write("model.pkl", "m\n");
        write("params.yaml", "n: 1\n");
        write("dvc.yaml", """
                        stages:
                          count:
                            cmd: mkdir -p out && ls -R data > out/listing.txt
                            deps:
                            - data
                            params:
                            - n
                            outs:
                            - out
                        """);
        dvc.ok(dir, "add", "-q", "data", "model.pkl");
        dvc.ok(dir, "repro", "-q");
        commit("one");
    }

    private void write(String rel, String text) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        if (Files.exists(p)) {
            p.toFile().setWritable(true);
        }
        Files.writeString(p, text);
    }

    private void delete(String rel) throws IOException {
        Path p = dir.resolve(rel);
        p.getParent().toFile().setWritable(true);
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    private void commit(String message) {
        DvcCli.git(dir, "add", "-A");
        DvcCli.git(dir, "commit", "-qm", message);
    }

    private Repo open() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(dvc.env());
        return Repo.open(dir, RepoOptions.defaults().withCwd(dir).withEnv(env));
    }

    /** dvc diff [args] against ours: JSON with and without hashes, text, Markdown. */
    private void sameDiff(String scenario, String a, String b, List<String> targets) {
        List<String> revs = new ArrayList<>();
        if (a != null) {
            revs.add(a);
        }
        if (b != null) {
            revs.add(b);
        }
        List<String> args = new ArrayList<>(List.of("diff"));
        if (!targets.isEmpty()) {
            args.add("--targets");
            args.addAll(targets);
            args.add("--");
        }
        args.addAll(revs);
        try (Repo repo = open()) {
            var ours = repo.diff(DiffOptions.of(a, b).withTargets(targets));
            assertThat(IndependentJson.parse(
                            DvcRenderer.render(ours, RenderOptions.json().withShowHash(false))
                                    .get(0)))
                    .as(scenario + " json")
                    .isEqualTo(IndependentJson.parse(run(args, "--json")));
            assertThat(IndependentJson.parse(
                            DvcRenderer.render(ours, RenderOptions.json().withShowHash(true))
                                    .get(0)))
                    .as(scenario + " json --show-hash")
                    .isEqualTo(IndependentJson.parse(run(args, "--json", "--show-hash")));
            assertThat(String.join(
                            "\n", DvcRenderer.render(ours, RenderOptions.text().withShowHash(false))))
                    .as(scenario + " text")
                    .isEqualTo(run(args).stripTrailing());
            assertThat(String.join(
                            "\n", DvcRenderer.render(ours, RenderOptions.text().withShowHash(true))))
                    .as(scenario + " text --show-hash")
                    .isEqualTo(run(args, "--show-hash").stripTrailing());
            assertThat(String.join(
                            "\n",
                            DvcRenderer.render(ours, RenderOptions.markdown().withShowHash(false))))
                    .as(scenario + " md")
                    .isEqualTo(run(args, "--md").stripTrailing());
        }
    }

    private String run(List<String> args, String... more) {
        List<String> all = new ArrayList<>(args);
        int revsAt = all.indexOf("--") >= 0 ? all.indexOf("--") : 1;
        all.addAll(revsAt == 1 ? 1 : revsAt, List.of(more));
        return dvc.ok(dir, all.toArray(String[]::new)).out();
    }

    /** dvc data status --json [flags] against ours, lists compared sorted. */
    private void sameDataStatus(String scenario, boolean granular, boolean unchanged, List<String> targets) {
        List<String> args = new ArrayList<>(List.of("data", "status", "--json"));
        if (granular) {
            args.add("--granular");
        }
        if (unchanged) {
            args.add("--unchanged");
        }
        args.addAll(targets);
        Object theirs = sortLists(
                IndependentJson.parse(dvc.ok(dir, args.toArray(String[]::new)).out()));
        args.remove("--json");
        List<String> theirText =
                sortedLines(dvc.ok(dir, args.toArray(String[]::new)).out());
        try (Repo repo = open()) {
            var ours = repo.dataStatus(new DataStatusOptions(targets, granular, unchanged, false, false, null));
            assertThat(IndependentJson.parse(DvcRenderer.json(ours)))
                    .as(scenario + " " + args)
                    .isEqualTo(theirs);
            // the same lines; within a section dvc's order varies from run to run
            assertThat(sortedLines(String.join("\n", DvcRenderer.text(ours))))
                    .as(scenario + " text " + args)
                    .isEqualTo(theirText);
        }
    }

    private static List<String> sortedLines(String text) {
        return text.lines().sorted().toList();
    }

    private static Object sortLists(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), sortLists(v)));
            return out;
        }
        if (o instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(v -> out.add(sortLists(v)));
            out.sort(Comparator.comparing(
                    v -> v instanceof Map<?, ?> m ? String.valueOf(m.get("old")) : String.valueOf(v),
                    PyStrings.CODE_POINT_ORDER));
            return out;
        }
        return o;
    }

    private void sameEverything(String scenario) {
        sameDiff(scenario, null, null, List.of());
        for (boolean granular : new boolean[] {false, true}) {
            for (boolean unchanged : new boolean[] {false, true}) {
                sameDataStatus(scenario, granular, unchanged, List.of());
            }
        }
    }

    @Test
    void workspaceChangesAreReportedAsDvcReportsThem() throws IOException {
        sameEverything("clean");

        write("data/c.txt", "c\n");
        write("model.pkl", "m2\n");
        Files.move(dir.resolve("data/a.txt"), dir.resolve("data/a2.txt"));
        delete("data/sub/b.txt");
        write("data/new/deep/d.txt", "d\n");
        sameEverything("edited workspace");
        sameDiff("targets", null, null, List.of("data/sub"));
        sameDiff("targets", null, null, List.of("model.pkl", "data"));
        sameDataStatus("targets", true, true, List.of("data/a2.txt", "model.pkl"));

        delete("model.pkl");
        delete("out");
        sameEverything("deleted outputs");

        write("model.pkl", "m3\n");
        dvc.ok(dir, "repro", "-q");
        dvc.ok(dir, "commit", "-q", "-f", "data.dvc", "model.pkl.dvc");
        sameEverything("committed to the stage files, not to git");
        commit("two");
        sameEverything("committed");
        sameDiff("two revisions", "HEAD~1", "HEAD", List.of());
        sameDiff("two revisions backwards", "HEAD", "HEAD~1", List.of());
        sameDiff("two revisions, targets", "HEAD~1", "HEAD", List.of("data"));
        sameDiff("the same commit", "HEAD", "HEAD", List.of());
    }

    @Test
    void aCacheWithoutTheObjectsIsReportedAsDvcReportsIt() throws IOException {
        delete(".dvc/cache");
        dvc.useFreshSiteCache("no-cache");
        sameEverything("no cache");
        delete("data");
        delete("model.pkl");
        dvc.useFreshSiteCache("fresh-clone");
        sameEverything("no cache, no data");
    }

    @Test
    void aRenamedDirectoryAndAMovedFile() throws IOException {
        Files.createDirectories(dir.resolve("models"));
        dvc.ok(dir, "move", "model.pkl", "models/model.pkl");
        sameEverything("moved pointer");
        commit("moved");
        sameDiff("moved, two revisions", "HEAD~1", "HEAD", List.of());
    }
}
