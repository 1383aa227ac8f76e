package io.github.dvcmaven.plugin.report;

import io.github.dvcmaven.core.api.CompareOptions;
import io.github.dvcmaven.core.api.DiffReport;
import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.DvcRenderer;
import io.github.dvcmaven.core.api.MetricsReport;
import io.github.dvcmaven.core.api.PlainTable;
import io.github.dvcmaven.core.api.PlotsReport;
import io.github.dvcmaven.core.api.RenderOptions;
import io.github.dvcmaven.core.api.Repo;
import java.nio.file.Path;
import java.util.List;

/**
 * What the dvc report shows: the workspace's metrics, metrics and params diff against a base revision,
 * and the plots of both (an offline page beside the report, framed in it).
 */
public final class DvcReportContent {
    public static final String PLOTS_DIR = "dvc-plots";
    private static final int PRECISION = 5;

    private DvcReportContent() {}

    public static void write(Repo repo, String base, Path outputDirectory, ReportWriter w) {
        w.start("DVC metrics and plots");
        w.section("Metrics (workspace)");
        MetricsReport metrics = repo.metricsShow(null);
        table(
                w,
                DvcRenderer.table(metrics, RenderOptions.text().withPrecision(PRECISION)),
                "dvc.yaml names no metrics files.");
        metrics.errors().forEach((file, err) -> w.paragraph(file + ": " + err));

        w.section("Metrics: " + base + " → workspace");
        try {
            DiffReport diff = repo.metricsDiff(CompareOptions.of(base, null));
            table(
                    w,
                    DvcRenderer.table(diff, RenderOptions.text().withPrecision(PRECISION)),
                    "No metric changed since " + base + ".");
            w.section("Params: " + base + " → workspace");
            table(
                    w,
                    DvcRenderer.table(repo.paramsDiff(CompareOptions.of(base, null)), RenderOptions.text()),
                    "No param changed since " + base + ".");
        } catch (DvcException e) {
            w.paragraph("No comparison with " + base + ": " + e.getMessage());
        }

        w.section("Plots");
        List<String> revs = List.of("workspace", base);
        PlotsReport plots;
        try {
            plots = repo.plots(revs, List.of());
        } catch (DvcException e) {
            plots = repo.plots(List.of("workspace"), List.of());
        }
        if (plots.plots().isEmpty()) {
            w.paragraph("dvc.yaml defines no plots, or none could be read.");
        } else {
            plots.writePage(outputDirectory.resolve(PLOTS_DIR), "DVC plots: " + String.join(" vs ", plots.revisions()));
            String href = PLOTS_DIR + "/index.html";
            w.link(href, "Open the plots page (" + plots.plots().size() + " plots, works offline)");
            w.raw("<iframe src=\"" + href
                    + "\" title=\"DVC plots\" style=\"width:100%;height:1100px;border:1px solid #ddd\"></iframe>");
        }
        plots.errors().forEach(e -> w.paragraph("Not shown: " + e));
        w.end();
    }

    private static void table(ReportWriter w, PlainTable t, String whenEmpty) {
        if (t.isEmpty()) {
            w.paragraph(whenEmpty);
        } else {
            w.table(t);
        }
    }
}
