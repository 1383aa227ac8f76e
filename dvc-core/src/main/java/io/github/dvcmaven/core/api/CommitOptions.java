package io.github.dvcmaven.core.api;

import java.util.List;

/**
 * What {@code dvc commit} records: the targets (empty: every stage and {@code .dvc} file), and whether
 * a stage whose dependencies or command changed may be committed anyway ({@code force}; without it
 * such a stage is refused, as dvc refuses it in batch mode). Built as
 * {@code CommitOptions.of(targets).withForce(true)}.
 */
public record CommitOptions(List<String> targets, boolean force) {
    public CommitOptions {
        targets = List.copyOf(targets);
    }

    /** A commit of these targets (empty: everything) that asks before recording changed dependencies. */
    public static CommitOptions of(List<String> targets) {
        return new CommitOptions(targets, false);
    }

    /** Record changed dependencies and outputs without asking ({@code --force}). */
    public CommitOptions withForce(boolean on) {
        return new CommitOptions(targets, on);
    }
}
