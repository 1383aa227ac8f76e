package io.github.dvcmaven.core.internal.format;

import io.github.dvcmaven.core.internal.hash.FileHasher;
import io.github.dvcmaven.core.internal.pipeline.DvcFileStage;
import io.github.dvcmaven.core.internal.py.PyJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The top-level {@code md5} of an import's {@code .dvc} file (dvc's {@code compute_md5}): the md5 of the
 * sorted Python JSON of the file's dump without {@code md5}, {@code meta}, {@code desc}, and without
 * the keys that do not change what the stage produces, at any depth.
 */
public final class StageChecksum {
    private static final Set<String> TOP = Set.of("md5", "meta", "desc");
    private static final Set<String> ANYWHERE = Set.of(
            "desc", "type", "labels", "meta", "locked", "frozen", "metric", "persist", "isexec", "size", "nfiles");

    private StageChecksum() {}

    public static String of(DvcFileStage stage) {
        return of(DvcFileFormat.dump(stage));
    }

    static String of(Map<String, Object> dump) {
        Map<String, Object> d = new LinkedHashMap<>();
        dump.forEach((k, v) -> {
            if (!TOP.contains(k)) {
                d.put(k, v);
            }
        });
        Object filtered = filter(d);
        return FileHasher.md5Hex(PyJson.dumpsSorted(filtered).getBytes(StandardCharsets.UTF_8));
    }

    private static Object filter(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String k = String.valueOf(e.getKey());
                if (!ANYWHERE.contains(k)) {
                    out.put(k, filter(e.getValue()));
                }
            }
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(v -> out.add(filter(v)));
            return out;
        }
        return value;
    }
}
