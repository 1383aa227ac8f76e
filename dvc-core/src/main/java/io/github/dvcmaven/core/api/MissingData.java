package io.github.dvcmaven.core.api;

import java.util.List;

/**
 * What a status allowed to miss data did not find in this checkout, and how it was checked instead:
 * outputs recorded in dvc.lock or a .dvc file but absent (neither in the workspace nor needed in the
 * cache), dependencies proven through the hash their producing stage or pointer records, and
 * dependencies nothing here could prove (absent, and produced by no stage or pointer whose record could
 * be read).
 */
public record MissingData(int outputs, long outputBytes, int depsProvenByLock, List<String> depsUnchecked) {
    /** Nothing was missing. */
    public static final MissingData NONE = new MissingData(0, 0, 0, List.of());

    public MissingData {
        depsUnchecked = List.copyOf(depsUnchecked);
    }

    /** True when nothing was missing. */
    public boolean isEmpty() {
        return outputs == 0 && depsProvenByLock == 0 && depsUnchecked.isEmpty();
    }
}
