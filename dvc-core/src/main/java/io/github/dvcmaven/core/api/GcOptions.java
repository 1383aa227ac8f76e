package io.github.dvcmaven.core.api;

import java.util.List;

/**
 * What {@code gc} keeps (the workspace always; optionally every branch tip, tag and commit) and where
 * it cleans: the local cache, and with {@code cloud} the remote too. Without {@code force} it only
 * reports what would go.
 */
public record GcOptions(
        boolean allBranches, boolean allTags, boolean allCommits, boolean cloud, String remote, boolean force) {
    public static GcOptions workspace() {
        return new GcOptions(false, false, false, false, null, false);
    }

    public String scope() {
        return new RevisionScope(allBranches, allTags, allCommits, List.of()).describe();
    }
}
