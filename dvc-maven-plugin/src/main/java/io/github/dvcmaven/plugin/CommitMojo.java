package io.github.dvcmaven.plugin;

import io.github.dvcmaven.core.api.CommitOptions;
import io.github.dvcmaven.core.api.CommitResult;
import io.github.dvcmaven.core.api.Repo;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Records the current content of tracked outputs in their pointers (and lock) and saves it to the cache.
 *
 * <p>Usage:</p>
 * <pre>
 * mvn dvc:commit -Ddvc.targets=train -Ddvc.force=true
 * </pre>
 */
@Mojo(name = "commit", requiresProject = false, threadSafe = true)
public class CommitMojo extends AbstractDvcMojo {
    /** Comma-separated .dvc files, stages or tracked paths; default: everything. */
    @Parameter(property = "dvc.targets")
    private String targets;

    /** Commit even when dependencies changed (pipelines). */
    @Parameter(property = "dvc.force", defaultValue = "false")
    private boolean force;

    @Override
    protected void run(Path cwd) {
        try (Repo repo = openRepo(cwd)) {
            CommitResult result = repo.commit(CommitOptions.of(split(targets)).withForce(force));
            if (result.committed().isEmpty()) {
                getLog().info("Nothing to commit: everything is already recorded.");
            }
            result.committed().forEach(f -> getLog().info("Updated " + f));
            logGitHint(result.filesToTrack());
        }
    }

    @Override
    protected String goal() {
        return "commit";
    }
}
