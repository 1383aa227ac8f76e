package io.github.dvcmaven.core.api;

import java.util.List;

/** Objects a pointer or lock names are not in the cache: dvc's "Checkout failed ... Is your cache up to date?". */
public class MissingCacheException extends DvcException {
    private final List<String> paths;
    private final transient CheckoutResult partial;

    /** These paths' objects are missing; {@code partial} is what the checkout did restore. */
    public MissingCacheException(List<String> paths, CheckoutResult partial) {
        super(
                "Checkout failed for following targets:\n" + String.join("\n", paths) + "\nIs your cache up to date?",
                "run `mvn dvc:pull` (or `dvc pull`) to fetch them from the remote; if nobody pushed them, run"
                        + " `mvn dvc:push` where they exist");
        this.paths = List.copyOf(paths);
        this.partial = partial;
    }

    /** The outputs whose objects the cache lacks. */
    public List<String> paths() {
        return paths;
    }

    /** What the checkout restored before it failed. */
    public CheckoutResult partialResult() {
        return partial;
    }
}
