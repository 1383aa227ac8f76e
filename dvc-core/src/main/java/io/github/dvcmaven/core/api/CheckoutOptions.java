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

    public static CheckoutOptions of(List<String> targets) {
        return new CheckoutOptions(targets, false, false);
    }

    public CheckoutOptions withForce(boolean on) {
        return new CheckoutOptions(targets, on, relink);
    }

    public CheckoutOptions withRelink(boolean on) {
        return new CheckoutOptions(targets, force, on);
    }
}
