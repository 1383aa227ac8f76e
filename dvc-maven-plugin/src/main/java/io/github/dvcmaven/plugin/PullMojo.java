package io.github.dvcmaven.plugin;

import io.github.dvcmaven.core.api.CheckoutResult;
import io.github.dvcmaven.core.api.MissingCacheException;
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
                print(repo.pull(syncOptions(), force));
            } catch (MissingCacheException e) {
                print(e.partialResult());
                throw e;
            }
        }
    }

    /** dvc pull's output: the changed outputs, then "3 files fetched and 2 files added" (or "Everything is up to date."). */
    private void print(CheckoutResult r) {
        r.modified().forEach(p -> getLog().info("M\t" + p));
        r.added().forEach(p -> getLog().info("A\t" + p));
        getLog().info(r.pullSummary());
    }

    @Override
    protected String goal() {
        return "pull";
    }
}
