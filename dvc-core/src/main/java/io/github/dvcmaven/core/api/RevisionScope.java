package io.github.dvcmaven.core.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Which git revisions an operation covers besides the workspace, as dvc's {@code -a}, {@code -T},
 * {@code -A} and {@code --rev}: the tips of all branches, all tags, every commit, or named revisions.
 * Revisions are read through git, never checked out.
 */
public record RevisionScope(boolean allBranches, boolean allTags, boolean allCommits, List<String> revs) {
    /** The workspace only. */
    public static final RevisionScope WORKSPACE = new RevisionScope(false, false, false, List.of());

    public RevisionScope {
        revs = List.copyOf(revs);
    }

    /** True when no git revision is covered. */
    public boolean workspaceOnly() {
        return !allBranches && !allTags && !allCommits && revs.isEmpty();
    }

    /** "the workspace, all git tags and v1.0" */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add("the workspace");
        if (allCommits) {
            parts.add("all git commits");
        } else {
            if (allBranches) {
                parts.add("all git branches");
            }
            if (allTags) {
                parts.add("all git tags");
            }
        }
        parts.addAll(revs);
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
