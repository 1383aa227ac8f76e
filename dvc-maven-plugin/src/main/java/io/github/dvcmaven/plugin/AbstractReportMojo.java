package io.github.dvcmaven.plugin;

import io.github.dvcmaven.core.api.RenderOptions;
import java.util.List;
import org.apache.maven.plugins.annotations.Parameter;

/** Output options of the metrics and params goals: dvc's text table, Markdown, or dvc's --json. */
public abstract class AbstractReportMojo extends AbstractDvcMojo {
    /** Print dvc's {@code --json} data on standard output. */
    @Parameter(property = "dvc.json", defaultValue = "false")
    protected boolean json;

    /** Print a Markdown table on standard output (for pull-request comments). */
    @Parameter(property = "dvc.md", defaultValue = "false")
    protected boolean md;

    /** Digits after the decimal point metrics are rounded to (dvc's default: 5). */
    @Parameter(property = "dvc.precision", defaultValue = "5")
    protected int precision;

    @Override
    protected boolean onePerRepository() {
        return false;
    }

    /** The output these options ask for. */
    protected RenderOptions rendering() {
        RenderOptions.Format format =
                json ? RenderOptions.Format.JSON : md ? RenderOptions.Format.MARKDOWN : RenderOptions.Format.TEXT;
        return RenderOptions.of(format).withPrecision(precision);
    }

    protected void warnFailed(List<String> revisions) {
        if (!revisions.isEmpty()) {
            getLog().warn("DVC failed to load some metrics for following revisions: '" + String.join(", ", revisions)
                    + "'.");
        }
    }
}
