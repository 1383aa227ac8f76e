package io.github.dvcmaven.plugin;

import io.github.dvcmaven.core.api.DataStatus;
import io.github.dvcmaven.core.api.DataStatusOptions;
import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.Repo;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What is committed to the stage files but not to git, what is changed in the workspace but not
 * committed, and what the cache and (with {@code -Ddvc.notInRemote=true}) the remote lack
 * ({@code dvc data status}); a tracked directory's own files with {@code -Ddvc.granular=true}.
 *
 * <p>Usage:</p>
 * <pre>
 * mvn dvc:data-status -Ddvc.granular=true
 * mvn dvc:data-status -Ddvc.notInRemote=true -Ddvc.json=true
 * </pre>
 */
@Mojo(name = "data-status", requiresProject = false, threadSafe = true)
public class DataStatusMojo extends AbstractReportMojo {
    /** Comma-separated tracked paths to report on; default: everything tracked. */
    @Parameter(property = "dvc.targets")
    private String targets;

    /** Report the files inside tracked directories, not only the directories. */
    @Parameter(property = "dvc.granular", defaultValue = "false")
    private boolean granular;

    /** Also list unchanged files. */
    @Parameter(property = "dvc.unchanged", defaultValue = "false")
    private boolean unchanged;

    /** Git's untracked files: {@code no} (default) or {@code all}, as dvc's {@code --untracked-files}. */
    @Parameter(property = "dvc.untrackedFiles", defaultValue = "no")
    private String untrackedFiles;

    /** Also check what the remote lacks (no data is downloaded). */
    @Parameter(property = "dvc.notInRemote", defaultValue = "false")
    private boolean notInRemote;

    /** The remote for {@code dvc.notInRemote}; default: each output's own remote, else core.remote. */
    @Parameter(property = "dvc.remote")
    private String remote;

    @Override
    protected void run(Path cwd) {
        if (!untrackedFiles.equals("no") && !untrackedFiles.equals("all")) {
            throw new DvcException("-Ddvc.untrackedFiles must be 'no' or 'all', not '" + untrackedFiles + "'");
        }
        DataStatus status;
        try (Repo repo = openRepo(cwd)) {
            if (notInRemote) {
                new RemoteGuard(session, goal()).requireOnline(repo, remote);
            }
            status = repo.dataStatus(DataStatusOptions.of(split(targets))
                    .withGranular(granular)
                    .withUnchanged(unchanged)
                    .withUntrackedFiles(untrackedFiles.equals("all"))
                    .withNotInRemote(notInRemote)
                    .withRemote(remote));
        }
        show(status, rendering());
    }

    @Override
    protected String goal() {
        return "data-status";
    }
}
