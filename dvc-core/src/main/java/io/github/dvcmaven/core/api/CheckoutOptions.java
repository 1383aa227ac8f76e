package io.github.dvcmaven.core.api;

import java.util.List;

/**
 * What checkout restores: the targets (empty: everything the workspace tracks), whether it may
 * overwrite or delete workspace changes ({@code force}) and whether it relinks files that are already
 * right but not linked the way {@code cache.type} asks ({@code relink}). Built as
 * {@code CheckoutOptions.of(targets).withForce(true)}.
 */
public record CheckoutOptions(List<String> targets, boolean force, boolean relink) {
    public CheckoutOptions {
        targets = List.copyOf(targets);
    }

    /** A checkout of these targets (empty: everything) that keeps workspace changes and unchanged links. */
    public static CheckoutOptions of(List<String> targets) {
        return new CheckoutOptions(targets, false, false);
    }

    /** Overwrite or delete workspace changes the cache does not hold ({@code --force}). */
    public CheckoutOptions withForce(boolean on) {
        return new CheckoutOptions(targets, on, relink);
    }

    /** Recreate every link or copy from the cache, also for unchanged files ({@code --relink}). */
    public CheckoutOptions withRelink(boolean on) {
        return new CheckoutOptions(targets, force, on);
    }
}
