package io.github.dvcmaven.core.hash;

import io.github.dvcmaven.core.py.PyJson;
import io.github.dvcmaven.core.py.PyStrings;
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

    public byte[] toBytes() {
        List<Map<String, Object>> json = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            Map<String, Object> m = new LinkedHashMap<>(2);
            m.put("md5", e.md5());
            m.put("relpath", e.relpath());
            json.add(m);
        }
        return PyJson.bytesSorted(json);
    }

    public HashInfo hash() {
        return hash(HashInfo.MD5);
    }

    /** The tree hash under the algorithm of its members (the JSON never contains CRLF, so both agree). */
    public HashInfo hash(String algorithm) {
        return new HashInfo(algorithm, FileHasher.md5Hex(toBytes()) + HashInfo.DIR_SUFFIX);
    }

    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (Entry e : entries) {
            map.put(e.relpath(), e.md5());
        }
        return map;
    }
}
