package io.github.dvcmaven.plugin;

import io.github.dvcmaven.core.api.CacheCheck;
import io.github.dvcmaven.core.api.CorruptObjects;
import io.github.dvcmaven.core.api.GcOptions;
import io.github.dvcmaven.core.api.GcResult;
import io.github.dvcmaven.core.api.Repo;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Removes cached objects nothing uses ({@code dvc gc}). The workspace is always kept; by default this
 * is a dry run listing what would go, {@code -Ddvc.force=true} deletes. {@code -Ddvc.verify=true} first
 * rehashes every cache object, as {@code git fsck} does: corrupted ones fail the goal, or with force are
 * removed so that a fetch restores them.
 *
 * <p>Usage:</p>
 * <pre>
 * mvn dvc:gc -Ddvc.allTags=true
 * mvn dvc:gc -Ddvc.allTags=true -Ddvc.force=true
 * mvn dvc:gc -Ddvc.verify=true
 * </pre>
 */
@Mojo(name = "gc", requiresProject = false, threadSafe = true)
public class GcMojo extends AbstractDvcMojo {
    /** Also keep what the tip of every local branch uses. */
    @Parameter(property = "dvc.allBranches", defaultValue = "false")
    private boolean allBranches;

    /** Also keep what every tag uses. */
    @Parameter(property = "dvc.allTags", defaultValue = "false")
    private boolean allTags;

    /** Also keep what every commit uses. */
    @Parameter(property = "dvc.allCommits", defaultValue = "false")
    private boolean allCommits;

    /** Also remove unused objects from the remote. */
    @Parameter(property = "dvc.cloud", defaultValue = "false")
    private boolean cloud;

    /** The remote for {@code dvc.cloud}; default: core.remote. */
    @Parameter(property = "dvc.remote")
    private String remote;

    /** Delete; without it gc only lists what it would remove. */
    @Parameter(property = "dvc.force", defaultValue = "false")
    private boolean force;

    /** Rehash every cache object and report (with force: remove) those that no longer match their name. */
    @Parameter(property = "dvc.verify", defaultValue = "false")
    private boolean verify;

    @Override
    protected void run(Path cwd) throws MojoFailureException {
        try (Repo repo = openRepo(cwd)) {
            if (verify) {
                verifyCache(repo);
            }
            if (cloud) {
                new RemoteGuard(session, goal()).requireOnline(repo, remote);
            }
            GcResult r = repo.gc(GcOptions.workspace()
                    .withAllBranches(allBranches)
                    .withAllTags(allTags)
                    .withAllCommits(allCommits)
                    .withCloud(cloud)
                    .withRemote(remote)
                    .withForce(force));
            GcReport.lines(r, cloud).forEach(getLog()::info);
        }
    }

    private void verifyCache(Repo repo) throws MojoFailureException {
        CacheCheck check = repo.verifyCache(force ? CorruptObjects.REMOVE : CorruptObjects.KEEP);
        if (check.corrupt().isEmpty()) {
            getLog().info("Verified " + check.checked() + " cache objects: none is corrupted.");
        } else if (force) {
            getLog().warn(GcReport.removedCorrupt(check));
        } else {
            throw new MojoFailureException(GcReport.corrupt(check));
        }
    }

    @Override
    protected String goal() {
        return "gc";
    }
}
