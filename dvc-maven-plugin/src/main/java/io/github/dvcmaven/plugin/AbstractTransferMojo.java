package io.github.dvcmaven.plugin;

import org.apache.maven.plugins.annotations.Parameter;

/** Options shared by push, pull and fetch; refuses to run offline ({@code mvn -o}). */
public abstract class AbstractTransferMojo extends AbstractDvcMojo {
    /** Comma-separated .dvc files, stages or outputs; default: everything. */
    @Parameter(property = "dvc.targets")
    protected String targets;

    /** The remote to use; default: core.remote (or each output's own remote). */
    @Parameter(property = "dvc.remote")
    protected String remote;

    /** Also transfer the run-cache (runs/). */
    @Parameter(property = "dvc.runCache", defaultValue = "false")
    protected boolean runCache;

    /** Offline Maven ({@code -o}) may still use a local remote, never a network one. */
    protected void requireOnline(io.github.dvcmaven.core.repo.Repo repo) {
        new RemoteGuard(session, goal()).requireOnline(repo, remote);
    }
}
