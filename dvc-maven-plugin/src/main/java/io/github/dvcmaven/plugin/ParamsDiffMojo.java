package io.github.dvcmaven.plugin;

import io.github.dvcmaven.core.metrics.DiffReport;
import io.github.dvcmaven.core.repo.Repo;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Compares the params the pipeline uses between two revisions (default: HEAD and the workspace), as {@code dvc params diff}. */
@Mojo(name = "params-diff", requiresProject = false, threadSafe = true)
public class ParamsDiffMojo extends AbstractReportMojo {
    /** The old revision. */
    @Parameter(property = "dvc.a", defaultValue = "HEAD")
    private String a;

    /** The new revision; default: the workspace. */
    @Parameter(property = "dvc.b")
    private String b;

    /** Also list params that did not change. */
    @Parameter(property = "dvc.all", defaultValue = "false")
    private boolean all;

    @Override
    protected void run(Path cwd) {
        try (Repo repo = openRepo(cwd)) {
            DiffReport diff = repo.paramsDiff(a, b, all);
            print(diff.toLines("Param", null, md, false), diff.toJson());
        }
    }

    @Override
    protected String goal() {
        return "params-diff";
    }
}
