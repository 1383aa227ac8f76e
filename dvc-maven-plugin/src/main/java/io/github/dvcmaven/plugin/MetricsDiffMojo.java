package io.github.dvcmaven.plugin;

import io.github.dvcmaven.core.api.CompareOptions;
import io.github.dvcmaven.core.api.DiffReport;
import io.github.dvcmaven.core.api.Repo;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Compares metrics between two revisions (default: HEAD and the workspace), as {@code dvc metrics diff}.
 *
 * <p>Usage:</p>
 * <pre>
 * mvn dvc:metrics-diff
 * mvn dvc:metrics-diff -Ddvc.a=main -Ddvc.md=true
 * </pre>
 */
@Mojo(name = "metrics-diff", requiresProject = false, threadSafe = true)
public class MetricsDiffMojo extends AbstractDiffMojo {
    @Override
    protected DiffReport diff(Repo repo, CompareOptions revisions) {
        return repo.metricsDiff(revisions);
    }

    @Override
    protected String goal() {
        return "metrics-diff";
    }
}
