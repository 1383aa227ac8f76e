package io.github.dvcmaven.plugin;

import io.github.dvcmaven.core.api.DataDiff;
import io.github.dvcmaven.core.api.DiffOptions;
import io.github.dvcmaven.core.api.Repo;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Which tracked files and directories were added, deleted, modified or renamed between two revisions,
 * or a revision and the workspace ({@code dvc diff}): the "which data changed between commit A and B"
 * question of a review or a bisect. Text, {@code -Ddvc.json=true}, or {@code -Ddvc.md=true} for a
 * pull-request comment.
 *
 * <p>Usage:</p>
 * <pre>
 * mvn dvc:diff
 * mvn dvc:diff -Ddvc.a=v1.0 -Ddvc.b=HEAD -Ddvc.md=true
 * </pre>
 */
@Mojo(name = "diff", requiresProject = false, threadSafe = true)
public class DiffMojo extends AbstractReportMojo {
    /** The old revision. */
    @Parameter(property = "dvc.a", defaultValue = "HEAD")
    private String a;

    /** The new revision; default: the workspace. */
    @Parameter(property = "dvc.b")
    private String b;

    /** Comma-separated tracked paths or stages to compare; default: everything tracked. */
    @Parameter(property = "dvc.targets")
    private String targets;

    /** Show each entry's hash. */
    @Parameter(property = "dvc.showHash", defaultValue = "false")
    private boolean showHash;

    /** Leave out what the cache lacks (always left out between two revisions). */
    @Parameter(property = "dvc.hideMissing", defaultValue = "false")
    private boolean hideMissing;

    @Override
    protected void run(Path cwd) {
        DataDiff diff;
        try (Repo repo = openRepo(cwd)) {
            diff = repo.diff(DiffOptions.of(a, b).withTargets(split(targets)).withHideMissing(hideMissing));
        }
        show(diff, rendering().withShowHash(showHash));
    }

    @Override
    protected String goal() {
        return "diff";
    }
}
