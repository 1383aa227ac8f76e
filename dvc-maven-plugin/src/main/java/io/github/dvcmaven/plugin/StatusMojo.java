package io.github.dvcmaven.plugin;

import io.github.dvcmaven.core.api.CloudStatus;
import io.github.dvcmaven.core.api.RenderOptions;
import io.github.dvcmaven.core.api.Repo;
import io.github.dvcmaven.core.api.StatusOptions;
import io.github.dvcmaven.core.api.StatusReport;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The gate: fails the build when data, params and dvc.lock disagree, in dvc's words. Bound to
 * {@code verify} it proves a fresh clone consistent without its data (missing data is checked through
 * the hashes dvc.lock and the .dvc files record); with {@code dvc.cloud} it also proves every object the
 * covered revisions use is on the remote, downloading nothing but directory manifests.
 *
 * <p>Usage:</p>
 * <pre>
 * mvn verify                                (bound by the extension)
 * mvn dvc:status -Ddvc.json=true
 * mvn verify -Ddvc.cloud=true -Ddvc.allTags=true
 * </pre>
 */
@Mojo(name = "status", defaultPhase = LifecyclePhase.VERIFY, requiresProject = false, threadSafe = true)
public class StatusMojo extends AbstractScopedMojo {
    /** Print dvc's {@code --json} structure on standard output (with {@code dvc.cloud}: {@code status -c}'s). */
    @Parameter(property = "dvc.json", defaultValue = "false")
    private boolean json;

    /** Fail the build when anything changed; false only reports. */
    @Parameter(property = "dvc.failOnStale", defaultValue = "true")
    private boolean failOnStale;

    /** Also prove every object the covered revisions use is on the remote (the release gate). */
    @Parameter(property = "dvc.cloud", defaultValue = "false")
    private boolean cloud;

    /**
     * Data this checkout lacks is no failure; default: true when bound to a phase or with {@code dvc.cloud}
     * (the remote is what a clone restores from), false for a plain {@code mvn dvc:status}.
     */
    @Parameter(property = "dvc.allowMissing")
    private Boolean allowMissing;

    /** Skip only this goal (also when bound to verify by the extension). */
    @Parameter(property = "dvc.status.skip", defaultValue = "false")
    private boolean skipStatus;

    @Override
    protected void run(Path cwd) throws MojoFailureException {
        if (!cloud && !scope().workspaceOnly()) {
            throw new MojoFailureException("other revisions are checked on the remote only: add -Ddvc.cloud=true");
        }
        StatusReport report;
        CloudStatus remoteStatus = null;
        try (Repo repo = openRepo(cwd)) {
            if (cloud) {
                requireOnline(repo);
                remoteStatus = repo.cloudStatus(syncOptions());
            }
            boolean allow = allowMissing != null ? allowMissing : cloud || !runByHand();
            report = repo.status(StatusOptions.of(split(targets)).withAllowMissing(allow));
        }
        if (json) {
            show(cloud ? remoteStatus : report, RenderOptions.json());
        }
        if (!json || cloud) {
            show(report, RenderOptions.text());
        }
        StaleReport.missingData(report.missing()).forEach(l -> getLog().info(hints.render(l)));
        if (cloud && !json) {
            CloudReport.lines(remoteStatus, scope().describe()).forEach(l -> getLog().info(hints.render(l)));
        }
        if (failOnStale && !report.isClean()) {
            throw new MojoFailureException(hints.render(StaleReport.describe(report)));
        }
        if (failOnStale && cloud && !remoteStatus.notOnRemote().isEmpty()) {
            throw new MojoFailureException(
                    hints.render(CloudReport.failure(remoteStatus, scope().describe(), scopeFlags())));
        }
    }

    @Override
    protected boolean skipGoal() {
        return skipStatus;
    }

    @Override
    protected String goal() {
        return "status";
    }
}
