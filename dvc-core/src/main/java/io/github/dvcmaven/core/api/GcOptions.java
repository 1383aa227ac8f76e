package io.github.dvcmaven.core.api;

import java.util.List;

/**
 * What {@code gc} keeps (the workspace always; optionally every branch tip, tag and commit) and where
 * it cleans: the local cache, and with {@code cloud} the remote too. Without {@code force} it only
 * reports what would go.
 */
public record GcOptions(
        boolean allBranches, boolean allTags, boolean allCommits, boolean cloud, String remote, boolean force) {
    /** A dry run that keeps what the workspace uses and cleans the local cache only. */
    public static GcOptions workspace() {
        return new GcOptions(false, false, false, false, null, false);
    }

    /** What is kept, in words: "the workspace, all git tags". */
    public String scope() {
        return new RevisionScope(allBranches, allTags, allCommits, List.of()).describe();
    }

    /** Also keep what the tip of every branch uses ({@code -a}). */
    public GcOptions withAllBranches(boolean on) {
        return new GcOptions(on, allTags, allCommits, cloud, remote, force);
    }

    /** Also keep what every tag uses ({@code -T}). */
    public GcOptions withAllTags(boolean on) {
        return new GcOptions(allBranches, on, allCommits, cloud, remote, force);
    }

    /** Also keep what every commit uses ({@code -A}). */
    public GcOptions withAllCommits(boolean on) {
        return new GcOptions(allBranches, allTags, on, cloud, remote, force);
    }

    /** Clean the remote too ({@code -c}). */
    public GcOptions withCloud(boolean on) {
        return new GcOptions(allBranches, allTags, allCommits, on, remote, force);
    }

    /** The remote to clean with {@code cloud} (null: the default one). */
    public GcOptions withRemote(String value) {
        return new GcOptions(allBranches, allTags, allCommits, cloud, value, force);
    }

    /** Delete, instead of only reporting what would go ({@code -f}). */
    public GcOptions withForce(boolean on) {
        return new GcOptions(allBranches, allTags, allCommits, cloud, remote, on);
    }
}
