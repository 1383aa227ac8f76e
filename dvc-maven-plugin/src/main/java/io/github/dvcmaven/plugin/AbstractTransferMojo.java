package io.github.dvcmaven.plugin;

import io.github.dvcmaven.core.DvcException;
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
        String url = String.valueOf(io.github.dvcmaven.core.remote.Remotes.options(repo.config(), remote).get("url"));
        boolean network = url.contains("://") && !url.startsWith("file://");
        if (network && session != null && session.isOffline()) {
            throw new DvcException("dvc:" + goal() + " needs the network, but Maven runs offline (-o)",
                    "run without -o (or use a local remote)");
        }
    }
}
