package io.github.dvcmaven.core.internal.remote;

/**
 * One object of a bucket as a listing or a HEAD reports it: its key, size and checksum in the form dvc
 * records for {@code import-url} dependencies ({@code etag}: S3's ETag without quotes, GCS's etag as hex
 * of its base64, Azure's ETag quoted).
 */
public record ObjectInfo(String key, long size, String etag) {}
