package io.github.dvcmaven.core.repo;

/**
 * What {@code gc} keeps (the workspace always; optionally every branch tip, tag and commit) and where
 * it cleans: the local cache, and with {@code cloud} the remote too. Without {@code force} it only
 * reports what would go.
 */
public record GcOptions(boolean allBranches, boolean allTags, boolean allCommits, boolean cloud, String remote,
        boolean force) {
    public static GcOptions workspace() {
        return new GcOptions(false, false, false, false, null, false);
    }

    public String scope() {
        return new RevisionScope(allBranches, allTags, allCommits, java.util.List.of()).describe();
    }
}
