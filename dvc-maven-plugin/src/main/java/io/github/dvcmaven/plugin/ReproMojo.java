package io.github.dvcmaven.plugin;

import io.github.dvcmaven.core.api.Repo;
import io.github.dvcmaven.core.api.ReproOptions;
import io.github.dvcmaven.core.api.ReproResult;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Reproduces the pipeline as {@code dvc repro} does: runs the stages whose command, dependencies or
 * parameters changed (and what depends on them), restores known runs from the cache, writes dvc.lock.
 *
 * <p>Usage:</p>
 * <pre>
 * mvn dvc:repro
 * mvn dvc:repro -Ddvc.targets=train -Ddvc.downstream=true
 * mvn dvc:repro -Ddvc.dryRun=true
 * </pre>
 */
@Mojo(name = "repro", requiresProject = false, threadSafe = true)
public class ReproMojo extends AbstractDvcMojo {
    /** Stages ({@code train}, {@code sub/dvc.yaml:train}), dvc.yaml files or outputs; default: ./dvc.yaml. */
    @Parameter(property = "dvc.targets")
    private String targets;

    /** Run every planned stage even if nothing changed. */
    @Parameter(property = "dvc.force", defaultValue = "false")
    private boolean force;

    /** Also reproduce the stages that depend on the targets. */
    @Parameter(property = "dvc.downstream", defaultValue = "false")
    private boolean downstream;

    /** Only the targets, not their upstream stages. */
    @Parameter(property = "dvc.singleItem", defaultValue = "false")
    private boolean singleItem;

    /** Print what would run without running anything. */
    @Parameter(property = "dvc.dryRun", defaultValue = "false")
    private boolean dryRun;

    /** Never restore outputs from the run-cache. */
    @Parameter(property = "dvc.noRunCache", defaultValue = "false")
    private boolean noRunCache;

    @Override
    protected void run(Path cwd) {
        try (Repo repo = openRepo(cwd)) {
            ReproResult result = repo.repro(
                    split(targets),
                    ReproOptions.defaults()
                            .withForce(force)
                            .withDownstream(downstream)
                            .withSingleItem(singleItem)
                            .withDryRun(dryRun)
                            .withNoRunCache(noRunCache));
            logGitHint(result.filesToTrack());
        }
    }

    @Override
    protected String goal() {
        return "repro";
    }
}
