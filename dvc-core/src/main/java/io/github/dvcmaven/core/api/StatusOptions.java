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

    public static StatusOptions of(List<String> targets) {
        return new StatusOptions(targets, false);
    }
}
