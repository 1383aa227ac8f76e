package io.github.dvcmaven.plugin;

import io.github.dvcmaven.core.api.CompareOptions;
import io.github.dvcmaven.core.api.DiffReport;
import io.github.dvcmaven.core.api.Repo;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Parameter;

/** A comparison of two revisions (metrics or params), printed as dvc prints it. */
public abstract class AbstractDiffMojo extends AbstractReportMojo {
    /** The old revision. */
    @Parameter(property = "dvc.a", defaultValue = "HEAD")
    private String a;

    /** The new revision; default: the workspace. */
    @Parameter(property = "dvc.b")
    private String b;

    /** Also list entries that did not change. */
    @Parameter(property = "dvc.all", defaultValue = "false")
    private boolean all;

    protected abstract DiffReport diff(Repo repo, CompareOptions revisions);

    @Override
    protected void run(Path cwd) {
        DiffReport diff;
        try (Repo repo = openRepo(cwd)) {
            diff = diff(repo, CompareOptions.of(a, b).withAll(all));
        }
        show(diff, rendering());
        warnFailed(diff.failedRevisions());
    }
}
