package io.github.dvcmaven.plugin;

import io.github.dvcmaven.core.api.ImportOptions;
import io.github.dvcmaven.core.api.ImportResult;
import io.github.dvcmaven.core.api.Repo;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Imports a path of another dvc repository (a data registry) at a revision, as {@code dvc import}: a
 * frozen {@code .dvc} pointer recording the source and its commit, the data downloaded from the source's
 * remote and checked out.
 *
 * <p>Usage:</p>
 * <pre>
 * mvn dvc:import -Ddvc.url=https://git.example.com/registry.git -Ddvc.path=models/churn.pkl -Ddvc.rev=v1.4
 * mvn dvc:import -Ddvc.url=../registry -Ddvc.path=data -Ddvc.out=input -Ddvc.noDownload=true
 * </pre>
 */
@Mojo(name = "import", requiresProject = false, threadSafe = true)
public class ImportMojo extends AbstractSourceMojo {
    /** The path inside the source repository. */
    @Parameter(property = "dvc.path", required = true)
    private String path;

    /** Where it goes here; default: the last segment of the path. */
    @Parameter(property = "dvc.out")
    private String out;

    /** Record the revision and hashes, download nothing (dvc's --no-download). */
    @Parameter(property = "dvc.noDownload", defaultValue = "false")
    private boolean noDownload;

    /** Only write the pointer (dvc's --no-exec); dvc:update resolves it. */
    @Parameter(property = "dvc.noExec", defaultValue = "false")
    private boolean noExec;

    /** Replace an existing pointer or workspace path. */
    @Parameter(property = "dvc.force", defaultValue = "false")
    private boolean force;

    @Override
    protected void run(Path cwd) {
        ImportOptions.Mode mode = noExec
                ? ImportOptions.Mode.NO_EXEC
                : noDownload ? ImportOptions.Mode.NO_DOWNLOAD : ImportOptions.Mode.DOWNLOAD;
        try (Repo repo = openRepo(cwd)) {
            ImportResult r = repo.importData(ImportOptions.of(url, path)
                    .withOut(out)
                    .withRev(rev)
                    .withRemote(remote)
                    .withMode(mode)
                    .withForce(force));
            logGitHint(r.filesToTrack());
        }
    }

    @Override
    protected String goal() {
        return "import";
    }
}
