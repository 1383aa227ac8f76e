package io.github.dvcmaven.core.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dvcmaven.core.api.DagRenderer;
import io.github.dvcmaven.core.api.Repo;
import io.github.dvcmaven.core.api.RepoOptions;
import io.github.dvcmaven.core.testing.DvcCli;
import io.github.dvcmaven.core.testing.ExternalTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dvc:dag} against {@code dvc dag} on chains, trees, diamonds and a wide graph: DOT, Mermaid and
 * Markdown byte for byte; ASCII byte for byte where the graph has no branches, and otherwise the same
 * stages in the same layers. (dvc lays branching graphs out with grandalf's Sugiyama engine, whose
 * crossing minimisation orders a layer's nodes and routes edges its own way; ours keeps dvc.yaml order.)
 */
@Tag("interop")
class DagInteropTest {
    @TempDir
    Path tmp;

    DvcCli dvc;

    @BeforeEach
    void setUp() {
        ExternalTools.dvcVenv();
        dvc = new DvcCli(tmp.resolve("cfg"));
    }

    /** A dvc.yaml with a stage per name; each stage reads the outputs of the stages it lists. */
    private static String pipeline(Map<String, List<String>> stages) {
        StringBuilder y = new StringBuilder("stages:\n");
        stages.forEach((name, inputs) -> {
            y.append("  ")
                    .append(name)
                    .append(":\n    cmd: echo ")
                    .append(name)
                    .append(" > ")
                    .append(name)
                    .append(".out\n");
            if (!inputs.isEmpty()) {
                y.append("    deps:\n");
                inputs.forEach(i -> y.append("    - ").append(i).append(".out\n"));
            }
            y.append("    outs:\n    - ").append(name).append(".out\n");
        });
        return y.toString();
    }

    static Map<String, List<String>> graph(String... spec) {
        Map<String, List<String>> g = new LinkedHashMap<>();
        for (String s : spec) {
            String[] parts = s.split("<");
            g.put(parts[0], parts.length == 1 ? List.of() : List.of(parts[1].split(",")));
        }
        return g;
    }

    static final Map<String, Map<String, List<String>>> GRAPHS = new LinkedHashMap<>();

    static {
        GRAPHS.put("chain", graph("load", "train<load", "eval<train"));
        GRAPHS.put("tree", graph("root", "left<root", "right<root", "ll<left", "lr<left"));
        GRAPHS.put("diamond", graph("a", "b<a", "c<a", "d<b,c"));
        GRAPHS.put("fan-in", graph("p1", "p2", "p3", "merge<p1,p2,p3"));
        GRAPHS.put("two islands", graph("x", "y<x", "solo"));
        List<String> wide = new ArrayList<>(List.of("src"));
        for (int i = 0; i < 8; i++) {
            wide.add("w" + i + "<src");
        }
        wide.add("sink<w0,w3,w7");
        GRAPHS.put("wide", graph(wide.toArray(String[]::new)));
    }

    @Test
    void everyFormatMatchesDvcDag() throws IOException {
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<String>>> g : GRAPHS.entrySet()) {
            Path dir = dvc.initRepo(tmp.resolve(g.getKey().replace(' ', '-')));
            Files.writeString(dir.resolve("dvc.yaml"), pipeline(g.getValue()));
            DagRenderer ours;
            try (Repo repo = Repo.open(dir, RepoOptions.defaults().withCwd(dir).withEnv(dvc.env()))) {
                ours = repo.dag();
            }
            compare(
                    differences,
                    g.getKey() + " (dot)",
                    dvc.ok(dir, "dag", "--dot").stdout(),
                    ours.dot());
            compare(
                    differences,
                    g.getKey() + " (mermaid)",
                    dvc.ok(dir, "dag", "--mermaid").stdout(),
                    ours.mermaid(false));
            compare(
                    differences,
                    g.getKey() + " (markdown)",
                    dvc.ok(dir, "dag", "--md").stdout(),
                    ours.mermaid(true));
            String ascii = dvc.ok(dir, "dag").stdout();
            if (g.getKey().equals("chain") || g.getKey().equals("two islands")) {
                compare(differences, g.getKey() + " (ascii)", ascii, ours.ascii());
            } else if (!layers(ascii).equals(layers(ours.ascii()))) {
                differences.add(
                        g.getKey() + " (ascii layers): dvc " + layers(ascii) + ", ours " + layers(ours.ascii()));
            }
        }
        assertThat(differences).isEmpty();
    }

    /** The stage names of each row of boxes, top to bottom. */
    private static List<Set<String>> layers(String ascii) {
        List<Set<String>> out = new ArrayList<>();
        Pattern box = Pattern.compile("\\| ([^|*]+?) \\|");
        for (String line : ascii.split("\n")) {
            Matcher m = box.matcher(line);
            Set<String> row = new TreeSet<>();
            while (m.find()) {
                row.add(m.group(1).trim());
            }
            if (!row.isEmpty()) {
                out.add(row);
            }
        }
        return out;
    }

    private static void compare(List<String> differences, String what, String theirs, String ours) {
        String t = theirs.stripTrailing();
        String o = ours.stripTrailing();
        if (!t.equals(o)) {
            differences.add(what + ":\n--- dvc dag\n" + t + "\n--- dvc:dag\n" + o);
        }
    }
}
