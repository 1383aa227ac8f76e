package io.github.dvcmaven.plugin;

import io.github.dvcmaven.core.api.ImportResult;
import io.github.dvcmaven.core.api.ImportUrlOptions;
import io.github.dvcmaven.core.api.ImportUrlOptions.Mode;
import io.github.dvcmaven.core.api.Repo;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Takes a file or directory at a URL under dvc control, as {@code dvc import-url}: a frozen {@code .dvc}
 * pointer recording the source's checksum (md5 of a local file, the ETag of a bucket's object), so that
 * {@code dvc:update} downloads it again only when it changed.
 *
 * <p>Usage:</p>
 * <pre>
 * mvn dvc:import-url -Ddvc.url=s3://raw-data/churn.csv -Ddvc.out=data/churn.csv
 * mvn dvc:import-url -Ddvc.url=s3://raw/images -Ddvc.fsConfig=endpointurl=http://127.0.0.1:9000
 * mvn dvc:import-url -Ddvc.url=/mnt/share/export -Ddvc.toRemote=true -Ddvc.remote=storage
 * </pre>
 */
@Mojo(name = "import-url", requiresProject = false, threadSafe = true)
public class ImportUrlMojo extends AbstractDvcMojo {
    /** A local path, s3://, gs://, azure:// or remote://NAME/path. */
    @Parameter(property = "dvc.url", required = true)
    private String url;

    /** Where it goes here; default: the URL's last segment. */
    @Parameter(property = "dvc.out")
    private String out;

    /** Record the source's checksum, download nothing (dvc's --no-download). */
    @Parameter(property = "dvc.noDownload", defaultValue = "false")
    private boolean noDownload;

    /** Only write the pointer (dvc's --no-exec). */
    @Parameter(property = "dvc.noExec", defaultValue = "false")
    private boolean noExec;

    /** Upload the data to a remote instead of this workspace and cache (dvc's --to-remote). */
    @Parameter(property = "dvc.toRemote", defaultValue = "false")
    private boolean toRemote;

    /** The remote --to-remote uploads to; default: the default remote. */
    @Parameter(property = "dvc.remote")
    private String remote;

    /** Storage options for the URL, NAME=VALUE, comma-separated (dvc's --fs-config); recorded in the pointer. */
    @Parameter(property = "dvc.fsConfig")
    private List<String> fsConfig;

    /** Replace an existing pointer or workspace path. */
    @Parameter(property = "dvc.force", defaultValue = "false")
    private boolean force;

    @Override
    protected void run(Path cwd) {
        Mode mode = toRemote ? Mode.TO_REMOTE : noExec ? Mode.NO_EXEC : noDownload ? Mode.NO_DOWNLOAD : Mode.DOWNLOAD;
        try (Repo repo = openRepo(cwd)) {
            ImportResult r = repo.importUrl(ImportUrlOptions.of(url)
                    .withOut(out)
                    .withMode(mode)
                    .withRemote(remote)
                    .withFsConfig(FsConfig.parse(fsConfig))
                    .withForce(force));
            logGitHint(r.filesToTrack());
        }
    }

    @Override
    protected String goal() {
        return "import-url";
    }
}
