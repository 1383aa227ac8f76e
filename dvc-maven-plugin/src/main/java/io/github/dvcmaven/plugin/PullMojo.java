package io.github.dvcmaven.plugin;

import io.github.dvcmaven.core.api.MissingCacheException;
import io.github.dvcmaven.core.api.PullOptions;
import io.github.dvcmaven.core.api.RenderOptions;
import io.github.dvcmaven.core.api.Repo;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Fetches from the remote and checks the data out into the workspace ({@code dvc pull}).
 *
 * <p>Usage:</p>
 * <pre>
 * mvn dvc:pull
 * mvn dvc:pull -Ddvc.targets=models -Ddvc.remote=storage
 * </pre>
 */
@Mojo(name = "pull", requiresProject = false, threadSafe = true)
public class PullMojo extends AbstractTransferMojo {
    /** Overwrite workspace changes that are not saved in the cache. */
    @Parameter(property = "dvc.force", defaultValue = "false")
    private boolean force;

    @Override
    protected void run(Path cwd) {
        try (Repo repo = openRepo(cwd)) {
            requireOnline(repo);
            try {
                show(repo.pull(PullOptions.of(syncOptions()).withForce(force)), RenderOptions.text());
            } catch (MissingCacheException e) {
                show(e.partialResult(), RenderOptions.text());
                throw e;
            }
        }
    }

    @Override
    protected String goal() {
        return "pull";
    }
}
