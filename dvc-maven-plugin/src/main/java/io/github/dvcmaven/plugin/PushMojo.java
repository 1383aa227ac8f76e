package io.github.dvcmaven.plugin;

import io.github.dvcmaven.core.api.Repo;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Uploads the data the pointers and dvc.lock name to the remote, only what it lacks ({@code dvc push}).
 *
 * <p>Usage:</p>
 * <pre>
 * mvn dvc:push
 * mvn dvc:push -Ddvc.remote=storage -Ddvc.runCache=true
 * </pre>
 */
@Mojo(name = "push", requiresProject = false, threadSafe = true)
public class PushMojo extends AbstractTransferMojo {
    @Override
    protected void run(Path cwd) {
        try (Repo repo = openRepo(cwd)) {
            requireOnline(repo);
            repo.push(syncOptions());
        }
    }

    @Override
    protected String goal() {
        return "push";
    }
}
