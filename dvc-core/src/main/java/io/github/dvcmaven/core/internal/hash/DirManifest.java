package io.github.dvcmaven.core.internal.hash;

import io.github.dvcmaven.core.api.HashInfo;
import io.github.dvcmaven.core.internal.py.PyJson;
import io.github.dvcmaven.core.internal.py.PyStrings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A directory's {@code .dir} object: the list of (relpath, md5) of its files, sorted by the whole
 * posix relpath in code-point order, serialised as Python {@code json.dumps(sort_keys=True)}. Its md5
 * plus {@code .dir} is the directory hash.
 */
public record DirManifest(List<Entry> entries) {
    public record Entry(String relpath, String md5) {}

    public static final Comparator<Entry> ORDER = (a, b) -> PyStrings.compareCodePoints(a.relpath(), b.relpath());

    public DirManifest {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(ORDER);
        entries = List.copyOf(sorted);
    }

    /** {@code json.dumps(entries, sort_keys=True)}, written directly: this runs over 100,000s of files. */
    public byte[] toBytes() {
        return toBytes("md5");
    }

    /**
     * The manifest with each member's checksum under {@code checksumKey}: "md5" for data, "etag" for the
     * tree dvc records of a directory imported from a bucket. Both sort before "relpath".
     */
    public byte[] toBytes(String checksumKey) {
        StringBuilder sb = new StringBuilder(entries.size() * 80 + 2);
        sb.append('[');
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (i > 0) {
                sb.append(", ");
            }
            sb.append("{\"").append(checksumKey).append("\": ");
            PyJson.quote(sb, e.md5());
            sb.append(", \"relpath\": ");
            PyJson.quote(sb, e.relpath());
            sb.append('}');
        }
        sb.append(']');
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    public HashInfo hash() {
        return hash(HashInfo.MD5);
    }

    /** The tree hash under the algorithm of its members (the JSON never contains CRLF, so both agree). */
    public HashInfo hash(String algorithm) {
        return hashOf(toBytes(), algorithm);
    }

    /** The tree hash of a manifest already serialised by {@link #toBytes()}. */
    public static HashInfo hashOf(byte[] manifestBytes, String algorithm) {
        return new HashInfo(algorithm, FileHasher.md5Hex(manifestBytes) + HashInfo.DIR_SUFFIX);
    }

    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (Entry e : entries) {
            map.put(e.relpath(), e.md5());
        }
        return map;
    }
}
