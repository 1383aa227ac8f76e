package io.github.dvcmaven.core.internal.external;

import io.github.dvcmaven.core.api.HashInfo;
import io.github.dvcmaven.core.internal.hash.Meta;
import io.github.dvcmaven.core.internal.remote.ObjectInfo;
import java.util.List;

/**
 * What an {@code import-url} source is at one moment, as dvc records it in the pointer's dependency:
 * the checksum under its key ({@code md5} for a local file and for any directory's tree, {@code etag}
 * for a bucket's file), its size and file count, and, for a bucket, the objects it is made of.
 */
record UrlState(String checksumKey, HashInfo hash, Meta meta, List<ObjectInfo> members) {
    boolean sameAs(UrlState other) {
        return other != null
                && checksumKey.equals(other.checksumKey)
                && hash.value().equals(other.hash.value());
    }
}
