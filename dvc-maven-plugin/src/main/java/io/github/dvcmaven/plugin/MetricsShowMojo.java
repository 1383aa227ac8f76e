package io.github.dvcmaven.plugin;

import io.github.dvcmaven.core.api.MetricsReport;
import io.github.dvcmaven.core.api.Repo;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Prints the metrics files dvc.yaml names, flattened, as {@code dvc metrics show} does.
 *
 * <p>Usage:</p>
 * <pre>
 * mvn dvc:metrics-show
 * mvn dvc:metrics-show -Ddvc.rev=v1.0 -Ddvc.json=true
 * </pre>
 */
@Mojo(name = "metrics-show", requiresProject = false, threadSafe = true)
public class MetricsShowMojo extends AbstractReportMojo {
    /** A git revision to show instead of the workspace. */
    @Parameter(property = "dvc.rev")
    private String rev;

    @Override
    protected void run(Path cwd) {
        try (Repo repo = openRepo(cwd)) {
            MetricsReport report = repo.metricsShow(rev);
            show(report, rendering());
            warnFailed(report.errors().isEmpty() ? List.of() : List.of(report.rev()));
        }
    }

    @Override
    protected String goal() {
        return "metrics-show";
    }
}
