package io.github.dvcmaven.core.repo;

import java.util.List;

/**
 * What {@code checkout} changed, as dvc lists it (paths relative to the cwd, directories with a trailing
 * separator), and the outputs whose objects are missing from the cache.
 */
public record CheckoutResult(List<String> added, List<String> modified, List<String> deleted, List<String> failed) {
    public boolean isEmpty() {
        return added.isEmpty() && modified.isEmpty() && deleted.isEmpty();
    }
}
