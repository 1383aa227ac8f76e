package io.github.dvcmaven.plugin;

import io.github.dvcmaven.core.api.CompareOptions;
import io.github.dvcmaven.core.api.DiffReport;
import io.github.dvcmaven.core.api.Repo;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Compares the params the pipeline uses between two revisions (default: HEAD and the workspace), as {@code dvc params diff}.
 *
 * <p>Usage:</p>
 * <pre>
 * mvn dvc:params-diff -Ddvc.a=main
 * mvn dvc:params-diff -Ddvc.all=true -Ddvc.md=true
 * </pre>
 */
@Mojo(name = "params-diff", requiresProject = false, threadSafe = true)
public class ParamsDiffMojo extends AbstractDiffMojo {
    @Override
    protected DiffReport diff(Repo repo, CompareOptions revisions) {
        return repo.paramsDiff(revisions);
    }

    @Override
    protected String goal() {
        return "params-diff";
    }
}
