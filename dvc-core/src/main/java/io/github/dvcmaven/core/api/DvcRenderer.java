package io.github.dvcmaven.core.api;

import io.github.dvcmaven.core.internal.render.JsonRendering;
import io.github.dvcmaven.core.internal.render.MarkdownRendering;
import io.github.dvcmaven.core.internal.render.ReportTables;
import io.github.dvcmaven.core.internal.render.TextRendering;
import java.util.List;

/**
 * The one place dvc's output is produced: every {@link Report} as dvc's CLI prints it, in text, as
 * {@code --json} (one line, as dvc prints it when not on a terminal) or as {@code --md}.
 *
 * <pre>{@code
 * DataDiff diff = repo.diff(DiffOptions.of("HEAD~1", null));
 * DvcRenderer.render(diff, RenderOptions.markdown()).forEach(System.out::println);
 * }</pre>
 */
public final class DvcRenderer {
    private DvcRenderer() {}

    /**
     * The lines dvc prints for this report, without line separators.
     *
     * @throws IllegalArgumentException for Markdown of a report dvc has no {@code --md} for
     */
    public static List<String> render(Report report, RenderOptions options) {
        return switch (options.format()) {
            case TEXT -> TextRendering.lines(report, options);
            case JSON -> List.of(JsonRendering.json(report, options));
            case MARKDOWN -> MarkdownRendering.lines(report, options);
        };
    }

    /** dvc's text of this report. */
    public static List<String> text(Report report) {
        return render(report, RenderOptions.text());
    }

    /** dvc's {@code --json} of this report, on one line. */
    public static String json(Report report) {
        return JsonRendering.json(report, RenderOptions.json());
    }

    /** The lines as one string, each ended by a newline (none for a report dvc prints nothing for). */
    public static String renderToString(Report report, RenderOptions options) {
        StringBuilder sb = new StringBuilder();
        render(report, options).forEach(l -> sb.append(l).append('\n'));
        return sb.toString();
    }

    /**
     * The cells of the table dvc prints for a metrics report or a metrics or params diff, for other
     * renderings (an HTML page).
     *
     * @throws IllegalArgumentException for a report dvc shows as no table
     */
    public static PlainTable table(Report report, RenderOptions options) {
        return ReportTables.table(report, options.precision());
    }
}
