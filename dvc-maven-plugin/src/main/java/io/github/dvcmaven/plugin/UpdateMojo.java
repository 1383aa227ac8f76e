package io.github.dvcmaven.plugin;

import io.github.dvcmaven.core.api.ImportResult;
import io.github.dvcmaven.core.api.Repo;
import io.github.dvcmaven.core.api.UpdateOptions;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Moves imports to the newest commit of their revision, or to a new one, as {@code dvc update}.
 *
 * <p>Usage:</p>
 * <pre>
 * mvn dvc:update -Ddvc.targets=model.pkl.dvc
 * mvn dvc:update -Ddvc.targets=model.pkl.dvc -Ddvc.rev=v1.5
 * mvn dvc:update -Ddvc.targets=imports -Ddvc.recursive=true
 * </pre>
 */
@Mojo(name = "update", requiresProject = false, threadSafe = true)
public class UpdateMojo extends AbstractDvcMojo {
    /** Comma-separated import pointers (or directories of them with dvc.recursive). */
    @Parameter(property = "dvc.targets", required = true)
    private String targets;

    /** A new source revision to follow. */
    @Parameter(property = "dvc.rev")
    private String rev;

    /** Update every import pointer under the directories named (dvc's -R). */
    @Parameter(property = "dvc.recursive", defaultValue = "false")
    private boolean recursive;

    /** Record the new revision and hashes only (dvc's --no-download). */
    @Parameter(property = "dvc.noDownload", defaultValue = "false")
    private boolean noDownload;

    @Override
    protected void run(Path cwd) {
        try (Repo repo = openRepo(cwd)) {
            ImportResult r = repo.update(UpdateOptions.of(split(targets))
                    .withRev(rev)
                    .withRecursive(recursive)
                    .withDownload(!noDownload));
            logGitHint(r.filesToTrack());
        }
    }

    @Override
    protected String goal() {
        return "update";
    }

    @Override
    protected boolean onePerRepository() {
        return false;
    }
}
