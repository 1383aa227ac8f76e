package io.github.dvcmaven.core.internal.external;

import io.github.dvcmaven.core.api.HashInfo;
import io.github.dvcmaven.core.internal.hash.Meta;
import io.github.dvcmaven.core.internal.remote.ObjectInfo;
import java.util.List;

/**
 * What an {@code import-url} source is at one moment, as dvc records it in the pointer's dependency:
 * the checksum under its key, exactly as the store gave it ({@code md5} for a local file and for any
 * directory's tree, {@code etag} for a bucket's file), its size and file count, a bucket file's
 * version, and, for a bucket, the objects it is made of.
 */
record UrlState(String checksumKey, String checksum, Meta meta, String versionId, List<ObjectInfo> members) {
    /**
     * A directory's tree hash as an object name. Not for a file's ETag, whose case matters (Azure's are
     * upper case hex) while an object name is lower case.
     */
    HashInfo treeHash() {
        return HashInfo.md5(checksum);
    }
}
