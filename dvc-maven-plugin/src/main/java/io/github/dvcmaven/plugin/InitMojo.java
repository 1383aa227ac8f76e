package io.github.dvcmaven.plugin;

import io.github.dvcmaven.core.api.InitOptions;
import io.github.dvcmaven.core.api.InitResult;
import io.github.dvcmaven.core.api.Repo;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Creates a dvc repository in the current directory, exactly as {@code dvc init}.
 *
 * <p>Usage:</p>
 * <pre>
 * mvn io.github.dvcmaven:dvc-maven-plugin:0.1.0-SNAPSHOT:init
 * </pre>
 */
@Mojo(name = "init", requiresProject = false, threadSafe = true)
public class InitMojo extends AbstractDvcMojo {
    /** Use dvc without git ({@code core.no_scm}). */
    @Parameter(property = "dvc.noScm", defaultValue = "false")
    private boolean noScm;

    /** Re-initialise an existing repository (its .dvc directory, including the cache, is recreated). */
    @Parameter(property = "dvc.force", defaultValue = "false")
    private boolean force;

    @Override
    protected void run(Path cwd) {
        InitResult result =
                Repo.init(cwd, InitOptions.defaults().withNoScm(noScm).withForce(force));
        getLog().info("Initialized DVC repository in " + result.root());
        if (!noScm) {
            getLog().info("You can now commit the changes to git.");
        }
    }

    @Override
    protected String goal() {
        return "init";
    }

    @Override
    protected boolean onePerRepository() {
        return false;
    }
}
