package io.github.dvcmaven.plugin;

import io.github.dvcmaven.core.metrics.DiffReport;
import io.github.dvcmaven.core.repo.Repo;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Compares metrics between two revisions (default: HEAD and the workspace), as {@code dvc metrics diff}. */
@Mojo(name = "metrics-diff", requiresProject = false, threadSafe = true)
public class MetricsDiffMojo extends AbstractReportMojo {
    /** The old revision. */
    @Parameter(property = "dvc.a", defaultValue = "HEAD")
    private String a;

    /** The new revision; default: the workspace. */
    @Parameter(property = "dvc.b")
    private String b;

    /** Also list metrics that did not change. */
    @Parameter(property = "dvc.all", defaultValue = "false")
    private boolean all;

    @Override
    protected void run(Path cwd) {
        try (Repo repo = openRepo(cwd)) {
            DiffReport diff = repo.metricsDiff(a, b, all);
            print(diff.toLines("Metric", precision, md, true), diff.toJson());
            warnFailed(diff.failedRevisions());
        }
    }

    @Override
    protected String goal() {
        return "metrics-diff";
    }
}
