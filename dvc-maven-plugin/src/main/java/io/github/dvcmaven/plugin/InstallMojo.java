package io.github.dvcmaven.plugin;

import io.github.dvcmaven.core.api.HookOptions;
import io.github.dvcmaven.core.api.Repo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Installs git hooks as {@code dvc install} does, calling this plugin by its full coordinates (so they
 * run in any checkout): pre-push pushes the data (the seed's "forgot dvc push after git push"),
 * post-checkout checks out the data of a checked-out branch, pre-commit reports status without
 * blocking. They run {@code ./mvnw} when the repository has one, else {@code mvn} from the PATH.
 *
 * <p>Usage:</p>
 * <pre>
 * mvn dvc:install
 * </pre>
 */
@Mojo(name = "install", requiresProject = false, threadSafe = true)
public class InstallMojo extends AbstractDvcMojo {
    /** Overwrite hooks of these names that exist already. */
    @Parameter(property = "dvc.force", defaultValue = "false")
    private boolean force;

    @Override
    protected void run(Path cwd) {
        try (Repo repo = openRepo(cwd)) {
            String maven = (Files.isExecutable(repo.root().resolve("mvnw")) ? "./mvnw" : "mvn") + " -B -ntp ";
            String plugin = GoalHints.coordinates(pluginVersion());
            String marker =
                    "# installed by dvc-maven-plugin (" + GoalHints.SHORT + "install)\n" + "[ -d .dvc ] || exit 0\n";
            Map<String, String> hooks = new LinkedHashMap<>();
            hooks.put(
                    "post-checkout",
                    marker + "# a branch checkout only (not a file), and not in the middle of a rebase\n"
                            + "[ \"$3\" = \"1\" ] || exit 0\n[ -d .git/rebase-merge ] && exit 0\n"
                            + "exec " + maven + plugin + "checkout");
            hooks.put("pre-commit", marker + "exec " + maven + plugin + "status -Ddvc.failOnStale=false");
            hooks.put("pre-push", marker + "exec " + maven + plugin + "push");
            for (Path hook : repo.installHooks(HookOptions.of(hooks).withForce(force))) {
                getLog().info("Installed " + hook);
            }
        }
    }

    @Override
    protected String goal() {
        return "install";
    }
}
