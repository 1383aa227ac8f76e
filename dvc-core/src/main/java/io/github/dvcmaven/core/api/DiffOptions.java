package io.github.dvcmaven.core.api;

import java.util.List;

/**
 * What {@code dvc diff} compares: revision {@code a} (null: HEAD) with {@code b} (null: the workspace),
 * limited to the targets (empty: everything), leaving out what the cache lacks when
 * {@code hideMissing}. Built as {@code DiffOptions.of("v1.0", null).withTargets(List.of("data"))}.
 */
public record DiffOptions(String a, String b, List<String> targets, boolean hideMissing) {
    public DiffOptions {
        targets = List.copyOf(targets);
    }

    /** Revision {@code a} (null: HEAD) against {@code b} (null: the workspace), every tracked path. */
    public static DiffOptions of(String a, String b) {
        return new DiffOptions(a, b, List.of(), false);
    }

    /** Only these tracked paths or stages. */
    public DiffOptions withTargets(List<String> paths) {
        return new DiffOptions(a, b, paths, hideMissing);
    }

    /** Leave out what the cache lacks ({@code --hide-missing}). */
    public DiffOptions withHideMissing(boolean on) {
        return new DiffOptions(a, b, targets, on);
    }
}
