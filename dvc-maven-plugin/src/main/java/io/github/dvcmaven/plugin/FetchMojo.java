package io.github.dvcmaven.plugin;

import io.github.dvcmaven.core.api.Repo;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Downloads into the cache the data the pointers and dvc.lock name, verifying every object ({@code dvc fetch}).
 *
 * <p>Usage:</p>
 * <pre>
 * mvn dvc:fetch -Ddvc.remote=storage
 * mvn dvc:fetch -Ddvc.allTags=true -Ddvc.jobs=16
 * </pre>
 */
@Mojo(name = "fetch", requiresProject = false, threadSafe = true)
public class FetchMojo extends AbstractTransferMojo {
    @Override
    protected void run(Path cwd) {
        try (Repo repo = openRepo(cwd)) {
            requireOnline(repo);
            repo.fetch(syncOptions());
        }
    }

    @Override
    protected String goal() {
        return "fetch";
    }
}
