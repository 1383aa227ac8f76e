package io.github.dvcmaven.plugin;

import io.github.dvcmaven.core.api.Repo;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Makes tracked files writable private copies (needed with the hardlink and symlink cache types).
 *
 * <p>Usage:</p>
 * <pre>
 * mvn dvc:unprotect -Ddvc.targets=models/model.txt
 * </pre>
 */
@Mojo(name = "unprotect", requiresProject = false, threadSafe = true)
public class UnprotectMojo extends AbstractDvcMojo {
    /** Comma-separated tracked files or directories. */
    @Parameter(property = "dvc.targets")
    private String targets;

    @Override
    protected void run(Path cwd) {
        try (Repo repo = openRepo(cwd)) {
            repo.unprotect(split(targets)).forEach(t -> getLog().info("Unprotected " + t));
        }
    }

    @Override
    protected String goal() {
        return "unprotect";
    }
}
