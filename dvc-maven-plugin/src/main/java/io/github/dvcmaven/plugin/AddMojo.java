package io.github.dvcmaven.plugin;

import io.github.dvcmaven.core.api.AddOptions;
import io.github.dvcmaven.core.api.AddResult;
import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.Repo;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Tracks files and directories with dvc: writes {@code <name>.dvc} pointers and saves the data to the cache.
 *
 * <p>Usage:</p>
 * <pre>
 * mvn dvc:add -Ddvc.targets=data/raw.csv
 * mvn dvc:add -Ddvc.targets="data/*.csv" -Ddvc.glob=true
 * </pre>
 */
@Mojo(name = "add", requiresProject = false, threadSafe = true)
public class AddMojo extends AbstractDvcMojo {
    /** Comma-separated files or directories to track, relative to the current directory. */
    @Parameter(property = "dvc.targets")
    private String targets;

    /** Expand wildcards ({@code *}, {@code ?}, {@code **}) in targets. */
    @Parameter(property = "dvc.glob", defaultValue = "false")
    private boolean glob;

    /** Write the pointers without saving the data to the cache. */
    @Parameter(property = "dvc.noCommit", defaultValue = "false")
    private boolean noCommit;

    @Override
    protected void run(Path cwd) {
        if (split(targets).isEmpty()) {
            throw new DvcException("nothing to add", "name the data with -Ddvc.targets=data,model.pkl");
        }
        try (Repo repo = openRepo(cwd)) {
            AddResult result = repo.add(
                    split(targets), AddOptions.defaults().withGlob(glob).withNoCommit(noCommit));
            for (String file : result.dvcFiles()) {
                getLog().info("Wrote " + file);
            }
            logGitHint(result.filesToTrack());
        }
    }

    @Override
    protected String goal() {
        return "add";
    }
}
