package io.github.dvcmaven.plugin;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.Repo;
import org.apache.maven.execution.MavenSession;

/** Offline Maven ({@code -o}) may still use a local remote, never a network one: fail fast, before any work. */
final class RemoteGuard {
    private final MavenSession session;
    private final String goal;

    RemoteGuard(MavenSession session, String goal) {
        this.session = session;
        this.goal = goal;
    }

    void requireOnline(Repo repo, String remote) {
        String url = String.valueOf(repo.remoteOptions(remote).get("url"));
        boolean network = url.contains("://") && !url.startsWith("file://");
        if (network && session != null && session.isOffline()) {
            throw new DvcException(
                    "dvc:" + goal + " needs the network to reach remote '" + url + "', but Maven runs"
                            + " offline (-o)",
                    "run without -o (or use a local remote)");
        }
    }
}
