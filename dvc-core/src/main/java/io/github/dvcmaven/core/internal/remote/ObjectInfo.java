package io.github.dvcmaven.core.internal.remote;

/**
 * One object of a bucket as a listing or a HEAD reports it: its key, size and checksum in the form dvc
 * records for {@code import-url} dependencies ({@code etag}: S3's ETag without quotes, GCS's etag as hex
 * of its base64, Azure's ETag quoted) and, where a HEAD tells it, the version dvc records as
 * {@code version_id} (S3's {@code x-amz-version-id} of a versioned bucket, GCS's generation).
 */
public record ObjectInfo(String key, long size, String etag, String versionId) {
    /** An object of a store that keeps no versions (or a listing, which does not say). */
    public ObjectInfo(String key, long size, String etag) {
        this(key, size, etag, null);
    }
}
