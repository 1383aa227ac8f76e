package io.github.dvcmaven.plugin;

import io.github.dvcmaven.core.py.PyJson;
import io.github.dvcmaven.core.remote.Remotes;
import io.github.dvcmaven.core.repo.Repo;
import io.github.dvcmaven.core.repo.StatusReport;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Shows what changed in tracked data and pipelines, in dvc's words, and (by default) fails the build
 * when anything is stale, modified or missing: bound to {@code verify}, it gates CI and releases.
 */
@Mojo(name = "status", defaultPhase = LifecyclePhase.VERIFY, requiresProject = false, threadSafe = true)
public class StatusMojo extends AbstractDvcMojo {
    /** Comma-separated .dvc files or tracked paths; default: everything. */
    @Parameter(property = "dvc.targets")
    private String targets;

    /** Print dvc's {@code --json} structure on standard output instead of text. */
    @Parameter(property = "dvc.json", defaultValue = "false")
    private boolean json;

    /** Fail the build when anything changed; false only reports. */
    @Parameter(property = "dvc.failOnStale", defaultValue = "true")
    private boolean failOnStale;

    /** Compare the cache with the remote instead of the workspace ({@code dvc status -c}); nothing is downloaded. */
    @Parameter(property = "dvc.cloud", defaultValue = "false")
    private boolean cloud;

    /** The remote for the cloud check; default: core.remote. */
    @Parameter(property = "dvc.remote")
    private String remote;

    /** Skip only this goal (also when bound to verify by the extension). */
    @Parameter(property = "dvc.status.skip", defaultValue = "false")
    private boolean skipStatus;

    @Override
    protected void run(Path cwd) throws MojoFailureException {
        if (cloud) {
            cloudStatus(cwd);
            return;
        }
        StatusReport report;
        try (Repo repo = openRepo(cwd)) {
            report = repo.status(split(targets));
        }
        if (json) {
            System.out.println(report.toJson());
        } else {
            report.toLines().forEach(getLog()::info);
        }
        if (failOnStale && !report.isClean()) {
            throw new MojoFailureException(StaleReport.describe(report));
        }
    }

    private void cloudStatus(Path cwd) throws MojoFailureException {
        Map<String, String> st;
        String name;
        try (Repo repo = openRepo(cwd)) {
            new RemoteGuard(session, goal()).requireOnline(repo, remote);
            st = repo.cloudStatus(split(targets), remote);
            name = remote != null ? remote : Remotes.defaultName(repo.config());
        }
        if (json) {
            System.out.println(PyJson.dumps(st));
        } else if (st.isEmpty()) {
            getLog().info("Cache and remote '" + name + "' are in sync.");
        } else {
            st.forEach((path, status) -> getLog().info("\t" + String.format("%-20s", status + ":") + path));
        }
        long missingRemotely = st.values().stream().filter(v -> !v.equals("deleted")).count();
        if (failOnStale && missingRemotely > 0) {
            throw new MojoFailureException(missingRemotely + " object(s) are not on remote '" + name + "'"
                    + "\n  Hint: run `mvn dvc:push` (or `dvc push`) from a machine that has them");
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
