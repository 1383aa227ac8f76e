package io.github.dvcmaven.core.internal.plots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.PlotsReport;
import io.github.dvcmaven.core.api.RenderedPlot;
import io.github.dvcmaven.core.api.Repo;
import io.github.dvcmaven.core.api.RepoOptions;
import io.github.dvcmaven.core.testing.PlotsFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotDataTest {
    @TempDir
    Path tmp;

    private static List<Map<String, Object>> rows(String text, String name) {
        return PlotFiles.rows(text.getBytes(StandardCharsets.UTF_8), name);
    }

    @Test
    void csvKeepsStringsAndHonoursQuotesAndCrlf() {
        List<Map<String, Object>> r = rows("name,score\r\n\"a, b\",1.5\r\n\"say \"\"hi\"\"\",2\r\n", "x.csv");
        assertThat(r)
                .containsExactly(Map.of("name", "a, b", "score", "1.5"), Map.of("name", "say \"hi\"", "score", "2"));
        assertThat(rows("a\tb\n1\t2\n", "x.tsv")).containsExactly(Map.of("a", "1", "b", "2"));
    }

    @Test
    void jsonAndYamlListsOfRecordsAreFoundAndSiblingListsMergedRowByRow() {
        assertThat(rows("{\"train\": {\"loss\": [{\"l\": 1}, {\"l\": 2}]}, \"note\": \"x\"}", "h.json"))
                .containsExactly(Map.of("l", 1L), Map.of("l", 2L));
        assertThat(rows("a: [{x: 1}, {x: 2}]\nb: [{y: 3}, {y: 4}]\n", "h.yaml"))
                .containsExactly(Map.of("x", 1L, "y", 3L), Map.of("x", 2L, "y", 4L));
        assertThat(rows("[{\"a\": 1}, {\"b\": 2}]", "mixed.json"))
                .as("records with other keys are no table")
                .isEmpty();
    }

    @Test
    void templatesDropOptionalAnchorsWithoutValuesAndSubstituteInsideStrings() {
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("data", Map.of("values", "<DVC_METRIC_DATA>"));
        template.put(
                "encoding",
                new LinkedHashMap<>(
                        Map.of("x", Map.of("field", "<DVC_METRIC_X>"), "strokeDash", "<DVC_METRIC_STROKE_DASH>")));
        template.put("params", List.of("<DVC_METRIC_ZOOM_AND_PAN>"));
        template.put("note", "x is <DVC_METRIC_X>");
        Object filled =
                Templates.fill(template, Map.of("<DVC_METRIC_DATA>", List.of(Map.of("a", 1)), "<DVC_METRIC_X>", "a"));
        assertThat(filled)
                .isEqualTo(Map.of(
                        "data",
                        Map.of("values", List.of(Map.of("a", 1))),
                        "encoding",
                        Map.of("x", Map.of("field", "a")),
                        "params",
                        List.of(),
                        "note",
                        "x is a"));
    }

    @Test
    void customTemplatesComeFromDotDvcPlotsAndMustUseTheDataAnchor() throws IOException {
        Files.createDirectories(tmp.resolve(".dvc/plots"));
        Files.writeString(
                tmp.resolve(".dvc/plots/mine.json"),
                "{\"mark\": \"area\", \"data\": {\"values\": \"<DVC_METRIC_DATA>\"}}");
        Files.writeString(tmp.resolve(".dvc/plots/bad.json"), "{\"mark\": \"area\"}");
        assertThat(Templates.load("mine", tmp))
                .isEqualTo(Map.of("mark", "area", "data", Map.of("values", "<DVC_METRIC_DATA>")));
        assertThatThrownBy(() -> Templates.load("bad", tmp))
                .isInstanceOf(DvcException.class)
                .hasMessageContaining("bad.json")
                .hasMessageContaining("<DVC_METRIC_DATA>");
        assertThatThrownBy(() -> Templates.load("nope", tmp)).hasMessageContaining("plot template 'nope' not found");
        assertThat(Templates.BUILT_IN)
                .allSatisfy(n -> assertThat(Templates.load(n, tmp)).isInstanceOf(Map.class));
    }

    @Test
    void aPlotMissingAtOneRevisionIsReportedAndTheOthersStillRender() throws IOException {
        Path repo = tmp.resolve("repo");
        PlotsFixture.create(repo);
        Files.writeString(
                repo.resolve("dvc.yaml"),
                PlotsFixture.DVC_YAML + "- new.csv\n- bad:\n    y:\n      loss.csv: nosuchfield\n");
        Files.writeString(repo.resolve("new.csv"), "a,b\n1,2\n");
        try (Repo r = Repo.open(repo, RepoOptions.defaults().withCwd(repo))) {
            PlotsReport report = r.plots(List.of("workspace", "HEAD"), List.of());
            RenderedPlot added = report.plots().stream()
                    .filter(p -> p.id().equals("new.csv"))
                    .findFirst()
                    .orElseThrow();
            assertThat(added.spec().toString()).contains("rev=workspace").doesNotContain("rev=HEAD");
            assertThat(report.errors())
                    .anySatisfy(e -> assertThat(e).contains("new.csv at HEAD"))
                    .anySatisfy(e -> assertThat(e).contains("bad: could not find field 'nosuchfield' in 'loss.csv'"));
            assertThat(report.plots()).hasSize(11);
            assertThat(r.plots(List.of("workspace"), List.of("roc.json")).plots())
                    .extracting(RenderedPlot::id)
                    .containsExactly("roc");
        }
    }
}
