package io.github.dvcmaven.core.api;

import java.util.List;

/**
 * What {@code data status} reports: the targets (empty: everything), a directory's own files
 * ({@code granular}), unchanged files, git's untracked files, and what the remote (null: the default one)
 * lacks.
 */
public record DataStatusOptions(
        List<String> targets,
        boolean granular,
        boolean unchanged,
        boolean untrackedFiles,
        boolean notInRemote,
        String remote) {
    public DataStatusOptions {
        targets = List.copyOf(targets);
    }
}
