package io.github.dvcmaven.core.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dvcmaven.core.api.PlotsReport;
import io.github.dvcmaven.core.api.Repo;
import io.github.dvcmaven.core.api.RepoOptions;
import io.github.dvcmaven.core.internal.plots.PlotsPage;
import io.github.dvcmaven.core.testing.DvcCli;
import io.github.dvcmaven.core.testing.ExternalTools;
import io.github.dvcmaven.core.testing.IndependentJson;
import io.github.dvcmaven.core.testing.PlotsFixture;
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
 * plots diff against dvc's {@code plots diff --json}: for every plot of the fixture (all templates,
 * multi-file and multi-field sources, images) and a cached stage plots output read through the cache
 * at HEAD, the same plots, revisions, data points (values, step, rev, filename/field) and axis fields.
 */
@Tag("interop")
class PlotsInteropTest {
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
        Files.writeString(repo.resolve("dvc.yaml"), PlotsFixture.DVC_YAML + """
                stages:
                  evaluate:
                    cmd: cp src/prc.json prc.json
                    deps:
                    - src/prc.json
                    plots:
                    - prc.json:
                        x: recall
                        y: precision
                """);
        Files.createDirectories(repo.resolve("src"));
        version(1);
        DvcCli.git(repo, "add", "-A");
        DvcCli.git(repo, "commit", "-qm", "v1");
        version(2);
    }

    private void version(int v) throws IOException {
        PlotsFixture.version(repo, v);
        Files.writeString(
                repo.resolve("src/prc.json"),
                "{\"prc\": [{\"recall\": 0.2, \"precision\": 0.9" + v
                        + "}, {\"recall\": 0.6, \"precision\": 0.7}, {\"recall\": 1.0, \"precision\": 0.4" + v + "}]}");
        dvc.ok(repo, "repro", "-q");
    }

    @Test
    void plotsDiffGivesDvcsDataPointsAndAxes() {
        Map<String, Object> theirs =
                data(dvc.ok(repo, "plots", "diff", "HEAD", "--json").out());
        Map<String, Object> ours;
        try (Repo r = open()) {
            PlotsReport report = r.plots(List.of("workspace", "HEAD"), List.of());
            assertThat(report.errors()).isEmpty();
            ours = data(PlotsPage.json(report, tmp.resolve("out")));
        }
        assertThat(ours.keySet()).containsExactlyInAnyOrderElementsOf(theirs.keySet());
        assertThat(ours).containsKey("prc.json");
        for (String id : theirs.keySet()) {
            List<?> t = (List<?>) theirs.get(id);
            List<?> o = (List<?>) ours.get(id);
            assertThat(o).as(id).hasSameSizeAs(t);
            for (int i = 0; i < t.size(); i++) {
                Map<?, ?> te = (Map<?, ?>) t.get(i);
                Map<?, ?> oe = (Map<?, ?>) o.get(i);
                assertThat(oe.get("type")).as(id).isEqualTo(te.get("type"));
                assertThat(oe.get("revisions")).as(id).isEqualTo(te.get("revisions"));
                if ("vega".equals(te.get("type"))) {
                    assertThat(values(oe)).as("data points of %s", id).isEqualTo(values(te));
                    assertThat(axis(oe, "x")).as("x of %s", id).isEqualTo(axis(te, "x"));
                    assertThat(axis(oe, "y")).as("y of %s", id).isEqualTo(axis(te, "y"));
                } else {
                    assertThat(Path.of((String) oe.get("url"))).as(id).hasSameBinaryContentAs(Path.of((String)
                            te.get("url")));
                }
            }
        }
    }

    private Repo open() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(dvc.env());
        return Repo.open(repo, RepoOptions.defaults().withCwd(repo).withEnv(env));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(String json) {
        return (Map<String, Object>) ((Map<String, Object>) IndependentJson.parse(json.trim())).get("data");
    }

    private static Object values(Map<?, ?> entry) {
        return ((Map<?, ?>) ((Map<?, ?>) entry.get("content")).get("data")).get("values");
    }

    /** The field an axis plots, wherever the template puts its encoding (top level, layer or facet spec). */
    private static Object axis(Map<?, ?> entry, String channel) {
        return findField(entry.get("content"), channel);
    }

    private static Object findField(Object node, String channel) {
        if (node instanceof Map<?, ?> m) {
            if (m.get("encoding") instanceof Map<?, ?> enc
                    && enc.get(channel) instanceof Map<?, ?> ch
                    && ch.get("field") != null) {
                return ch.get("field");
            }
            for (String k : List.of("spec", "layer")) {
                Object f = findField(m.get(k), channel);
                if (f != null) {
                    return f;
                }
            }
        } else if (node instanceof List<?> l) {
            for (Object e : l) {
                Object f = findField(e, channel);
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }
}
