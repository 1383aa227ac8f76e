package io.github.dvcmaven.core.internal.remote;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * A dvc remote as an object store of keys relative to its URL ({@code files/md5/ab/cdef…},
 * {@code runs/…}): local directories and S3, GCS and Azure buckets all look like this to the transfer
 * engine. Implementations must be thread-safe; uploads must never leave a partial object under its key.
 */
public interface Remote extends AutoCloseable {
    /** The remote's name in the config, for messages. */
    String name();

    /** The URL it was configured with (credentials never part of it). */
    String url();

    boolean exists(String key) throws IOException;

    /**
     * Every key starting with {@code prefix} ("" for all); a local directory remote may require the
     * prefix to end at a '/'.
     */
    Set<String> list(String prefix) throws IOException;

    /**
     * Whether many existence questions are answered faster by listing than by asking for each key:
     * true for object stores (one request lists a thousand keys), false where a lookup is a local stat.
     */
    default boolean prefersListing() {
        return true;
    }

    /** Uploads the file as {@code key}. */
    default void upload(Path file, String key) throws IOException {
        upload(file, key, n -> {});
    }

    /**
     * Uploads the file as {@code key}, telling {@code sent} how many bytes went out as they go; a failed
     * upload may have reported some.
     */
    void upload(Path file, String key, LongConsumer sent) throws IOException;

    InputStream open(String key) throws IOException;

    /**
     * The object's size and checksum, or null when there is no such object: what {@code import-url}
     * records of a file in a bucket.
     */
    default ObjectInfo stat(String key) throws IOException {
        throw new UnsupportedOperationException(url() + " cannot describe its objects");
    }

    /** Every object under {@code prefix} with its size and checksum, for a directory {@code import-url}. */
    default List<ObjectInfo> listInfo(String prefix) throws IOException {
        throw new UnsupportedOperationException(url() + " cannot describe its objects");
    }

    void delete(String key) throws IOException;

    @Override
    default void close() {}
}
