package io.github.dvcmaven.core.internal.render;

import io.github.dvcmaven.core.api.DataChange;
import io.github.dvcmaven.core.api.DataDiff;
import io.github.dvcmaven.core.api.DiffReport;
import io.github.dvcmaven.core.api.MetricsReport;
import io.github.dvcmaven.core.api.PlainTable;
import io.github.dvcmaven.core.api.RenderOptions;
import io.github.dvcmaven.core.api.Report;
import java.util.List;

/** dvc's {@code --md}: GitHub tables, for the commands that have it (diff, metrics, params). */
public final class MarkdownRendering {
    private MarkdownRendering() {}

    public static List<String> lines(Report report, RenderOptions options) {
        if (report instanceof DataDiff d) {
            return diff(d, options.showHash());
        }
        if (report instanceof MetricsReport || report instanceof DiffReport) {
            PlainTable t = ReportTables.table(report, options.precision());
            return t.isEmpty() ? List.of() : t.markdown();
        }
        throw new IllegalArgumentException(
                "dvc has no Markdown output for " + report.getClass().getSimpleName());
    }

    /** Status, (hash,) path. */
    private static List<String> diff(DataDiff diff, boolean showHash) {
        PlainTable t = new PlainTable(showHash ? List.of("Status", "Hash", "Path") : List.of("Status", "Path"));
        for (DataChange.Kind kind : DiffShape.kinds(diff)) {
            for (DataChange c : diff.changes(kind)) {
                t.add(
                        showHash
                                ? List.of(kind.text(), DiffShape.digest(c), DiffShape.shown(c))
                                : List.of(kind.text(), DiffShape.shown(c)));
            }
        }
        return t.markdown();
    }
}
