package io.github.dvcmaven.plugin;

import io.github.dvcmaven.core.api.RemoveOptions;
import io.github.dvcmaven.core.api.Repo;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Stops tracking: deletes .dvc pointers and their .gitignore entries; data stays in the workspace and cache.
 *
 * <p>Usage:</p>
 * <pre>
 * mvn dvc:remove -Ddvc.targets=data/raw.csv.dvc
 * mvn dvc:remove -Ddvc.targets=train -Ddvc.outs=true
 * </pre>
 */
@Mojo(name = "remove", requiresProject = false, threadSafe = true)
public class RemoveMojo extends AbstractDvcMojo {
    /** Comma-separated .dvc files to remove. */
    @Parameter(property = "dvc.targets")
    private String targets;

    /** Also delete the tracked data from the workspace. */
    @Parameter(property = "dvc.outs", defaultValue = "false")
    private boolean outs;

    @Override
    protected void run(Path cwd) {
        try (Repo repo = openRepo(cwd)) {
            repo.remove(RemoveOptions.of(split(targets)).withOutputs(outs)).forEach(f -> getLog().info("Removed " + f));
        }
    }

    @Override
    protected String goal() {
        return "remove";
    }
}
