package io.github.dvcmaven.plugin;

import io.github.dvcmaven.core.api.Repo;
import io.github.dvcmaven.core.api.RevisionScope;
import io.github.dvcmaven.core.api.SyncOptions;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Options of the goals that reach a remote (status, push, fetch, pull): targets, the remote, and which
 * git revisions besides the workspace they cover ({@code dvc -a/-T/-A/--rev}); refuses to run offline.
 */
public abstract class AbstractScopedMojo extends AbstractDvcMojo {
    /** Comma-separated .dvc files, stages or outputs; default: everything. */
    @Parameter(property = "dvc.targets")
    protected String targets;

    /** The remote to use; default: core.remote (or each output's own remote). */
    @Parameter(property = "dvc.remote")
    protected String remote;

    /** Also cover what the tip of every local branch uses. */
    @Parameter(property = "dvc.allBranches", defaultValue = "false")
    protected boolean allBranches;

    /** Also cover what every git tag uses (e.g. to prove every release restorable). */
    @Parameter(property = "dvc.allTags", defaultValue = "false")
    protected boolean allTags;

    /** Also cover what every commit uses. */
    @Parameter(property = "dvc.allCommits", defaultValue = "false")
    protected boolean allCommits;

    /** Also cover these comma-separated git revisions (branches, tags, SHAs, {@code HEAD~1}). */
    @Parameter(property = "dvc.revs")
    protected String revs;

    protected RevisionScope scope() {
        return new RevisionScope(allBranches, allTags, allCommits, split(revs));
    }

    protected SyncOptions syncOptions() {
        return SyncOptions.of(split(targets)).withRemote(remote).withScope(scope());
    }

    /** The scope's flags as they were given, to repeat in a hint. */
    protected String scopeFlags() {
        StringBuilder sb = new StringBuilder();
        if (allBranches) {
            sb.append(" -Ddvc.allBranches=true");
        }
        if (allTags) {
            sb.append(" -Ddvc.allTags=true");
        }
        if (allCommits) {
            sb.append(" -Ddvc.allCommits=true");
        }
        if (revs != null && !revs.isBlank()) {
            sb.append(" -Ddvc.revs=").append(revs.trim());
        }
        return sb.toString();
    }

    /** Offline Maven ({@code -o}) may still use a local remote, never a network one. */
    protected void requireOnline(Repo repo) {
        new RemoteGuard(session, goal()).requireOnline(repo, remote);
    }
}
