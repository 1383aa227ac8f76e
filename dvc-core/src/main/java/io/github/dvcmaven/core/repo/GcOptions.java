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
        if (allCommits) {
            return "the workspace and all git commits";
        }
        if (allBranches && allTags) {
            return "the workspace, all git branches and all git tags";
        }
        if (allBranches) {
            return "the workspace and all git branches";
        }
        if (allTags) {
            return "the workspace and all git tags";
        }
        return "the workspace";
    }
}
