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

    /** Every tracked path, directories as a whole, changes only, no git or remote check. */
    public static DataStatusOptions of(List<String> targets) {
        return new DataStatusOptions(targets, false, false, false, false, null);
    }

    /** Report the files inside tracked directories ({@code --granular}). */
    public DataStatusOptions withGranular(boolean on) {
        return new DataStatusOptions(targets, on, unchanged, untrackedFiles, notInRemote, remote);
    }

    /** Also list unchanged files ({@code --unchanged}). */
    public DataStatusOptions withUnchanged(boolean on) {
        return new DataStatusOptions(targets, granular, on, untrackedFiles, notInRemote, remote);
    }

    /** Also list the files git does not track ({@code --untracked-files=all}). */
    public DataStatusOptions withUntrackedFiles(boolean on) {
        return new DataStatusOptions(targets, granular, unchanged, on, notInRemote, remote);
    }

    /** Also check what the remote lacks ({@code --not-in-remote}); nothing is downloaded. */
    public DataStatusOptions withNotInRemote(boolean on) {
        return new DataStatusOptions(targets, granular, unchanged, untrackedFiles, on, remote);
    }

    /** The remote for {@code notInRemote} (null: the default one). */
    public DataStatusOptions withRemote(String value) {
        return new DataStatusOptions(targets, granular, unchanged, untrackedFiles, notInRemote, value);
    }
}
