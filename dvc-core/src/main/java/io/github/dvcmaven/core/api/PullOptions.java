package io.github.dvcmaven.core.api;

import java.util.Objects;

/**
 * {@code dvc pull}: what to fetch ({@link SyncOptions}), then whether the checkout may overwrite
 * workspace changes the cache does not hold ({@code --force}).
 *
 * @param sync the targets, remote, run-cache and revisions to fetch
 * @param force overwrite workspace changes that are not saved in the cache
 */
public record PullOptions(SyncOptions sync, boolean force) {
    public PullOptions {
        Objects.requireNonNull(sync, "sync");
    }

    /** A pull of what {@code sync} names that keeps workspace changes. */
    public static PullOptions of(SyncOptions sync) {
        return new PullOptions(sync, false);
    }

    /** Overwrite workspace changes the cache does not hold ({@code --force}). */
    public PullOptions withForce(boolean on) {
        return new PullOptions(sync, on);
    }
}
