package io.github.dvcmaven.core.api;

import java.util.List;

/**
 * What push, fetch and pull move: the objects the targets (empty: everything) name in the workspace and
 * the revisions of {@code scope}, to or from {@code remote} (null: each output's own remote, else
 * core.remote), with the run-cache when {@code runCache}.
 */
public record SyncOptions(List<String> targets, String remote, boolean runCache, RevisionScope scope) {
    public SyncOptions {
        targets = List.copyOf(targets);
    }

    /** These targets (empty: everything) in the workspace, each output's own remote, no run-cache. */
    public static SyncOptions of(List<String> targets) {
        return new SyncOptions(targets, null, false, RevisionScope.WORKSPACE);
    }

    /** This remote instead of each output's own. */
    public SyncOptions withRemote(String name) {
        return new SyncOptions(targets, name, runCache, scope);
    }

    /** Also the run-cache ({@code --run-cache}). */
    public SyncOptions withRunCache(boolean on) {
        return new SyncOptions(targets, remote, on, scope);
    }

    /** These git revisions as well as the workspace. */
    public SyncOptions withScope(RevisionScope s) {
        return new SyncOptions(targets, remote, runCache, s);
    }
}
