package io.github.dvcmaven.core.internal.external;

import io.github.dvcmaven.core.api.HashInfo;
import io.github.dvcmaven.core.internal.cache.ObjectStore;
import io.github.dvcmaven.core.internal.event.ProgressTracker;
import io.github.dvcmaven.core.internal.hash.Meta;

/**
 * A file or directory at a URL, read the way {@code dvc import-url} reads it: a local path, or an
 * object or prefix of an S3, GCS or Azure bucket.
 */
sealed interface UrlSource extends AutoCloseable permits LocalUrlSource, BucketUrlSource {
    /** The URL as the pointer records it. */
    String url();

    /** The source's state now, as the pointer's dependency records it (a local source is hashed). */
    UrlState state(ProgressTracker progress);

    /**
     * Brings the source's bytes into {@code cache}, each object named by the md5 of what was received
     * (a directory's manifest too), and returns what it was and what it became.
     */
    Fetched download(ObjectStore cache, int jobs, ProgressTracker progress);

    @Override
    default void close() {}

    /** The source as recorded in the dependency, and the output's hash and meta in the cache. */
    record Fetched(UrlState dep, HashInfo out, Meta meta) {}
}
