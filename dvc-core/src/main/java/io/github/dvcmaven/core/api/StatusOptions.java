package io.github.dvcmaven.core.api;

import java.util.List;

/**
 * What {@code status} checks: the targets (empty: everything), and whether data this checkout lacks is
 * allowed ({@code allowMissing}: a fresh clone's CI gate, as {@code dvc repro --allow-missing}): then an
 * output absent from the workspace and the cache is not a change when its record exists, and an absent
 * dependency is proven through the hash its producer records.
 */
public record StatusOptions(List<String> targets, boolean allowMissing) {
    public StatusOptions {
        targets = List.copyOf(targets);
    }

    /** A status of these targets (empty: everything) that counts missing data as a change. */
    public static StatusOptions of(List<String> targets) {
        return new StatusOptions(targets, false);
    }

    /** Data this checkout lacks is no change when its record exists (the fresh-clone gate). */
    public StatusOptions withAllowMissing(boolean on) {
        return new StatusOptions(targets, on);
    }
}
