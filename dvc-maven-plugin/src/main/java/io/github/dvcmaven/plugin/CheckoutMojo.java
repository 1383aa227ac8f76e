package io.github.dvcmaven.plugin;

import io.github.dvcmaven.core.api.CheckoutOptions;
import io.github.dvcmaven.core.api.MissingCacheException;
import io.github.dvcmaven.core.api.RenderOptions;
import io.github.dvcmaven.core.api.Repo;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Restores tracked data in the workspace from the cache, as the pointers and lock files describe it.
 *
 * <p>Usage:</p>
 * <pre>
 * mvn dvc:checkout
 * mvn dvc:checkout -Ddvc.targets=models -Ddvc.force=true
 * </pre>
 */
@Mojo(name = "checkout", requiresProject = false, threadSafe = true)
public class CheckoutMojo extends AbstractDvcMojo {
    /** Comma-separated .dvc files or tracked paths; default: everything. */
    @Parameter(property = "dvc.targets")
    private String targets;

    /** Overwrite or delete workspace changes that are not saved in the cache. */
    @Parameter(property = "dvc.force", defaultValue = "false")
    private boolean force;

    /** Recreate every link or copy from the cache, also for unchanged files (after changing cache.type). */
    @Parameter(property = "dvc.relink", defaultValue = "false")
    private boolean relink;

    @Override
    protected void run(Path cwd) {
        try (Repo repo = openRepo(cwd)) {
            try {
                show(
                        repo.checkout(CheckoutOptions.of(split(targets))
                                .withForce(force)
                                .withRelink(relink)),
                        RenderOptions.text());
            } catch (MissingCacheException e) {
                show(e.partialResult(), RenderOptions.text());
                throw e;
            }
        }
        if (relink) {
            getLog().info("Relinked successfully");
        }
    }

    @Override
    protected String goal() {
        return "checkout";
    }
}
