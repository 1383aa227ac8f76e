package io.github.dvcmaven.core.internal.format;

import io.github.dvcmaven.core.api.HashInfo;
import io.github.dvcmaven.core.internal.format.yaml.YamlDocument;
import io.github.dvcmaven.core.internal.format.yaml.YamlWriter;
import io.github.dvcmaven.core.internal.hash.Meta;
import io.github.dvcmaven.core.internal.pipeline.Output;
import io.github.dvcmaven.core.internal.pipeline.ParamsDep;
import io.github.dvcmaven.core.internal.py.PyStrings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one place that knows {@code dvc.lock} (schema 2.0): reading entries (cmd, deps, params, outs),
 * and writing exactly what dvc writes: {@code schema: '2.0'} first, stages in insertion order, a stage
 * replaced whole when it ran, deps/outs sorted by path with keys {@code path, hash, md5, size, nfiles,
 * isexec}, params with params.yaml first and top-level keys sorted.
 */
public final class LockFileFormat {
    private static final Set<String> TOP_KEYS = Set.of("schema", "stages", "datasets");
    private static final Set<String> STAGE_KEYS = Set.of("cmd", "deps", "params", "outs");
    private static final Set<String> ENTRY_KEYS =
            DvcFileFormat.union(DvcFileFormat.HASH_AND_META_KEYS, "path", "files", "dataset", "name", "type", "url");

    /** One recorded dep or out: path as written in dvc.yaml, hash (null if none) and meta. */
    public record LockItem(String path, HashInfo hash, Meta meta) {}

    /** A stage's recorded state. Params: file → key → value. */
    public record LockEntry(
            Object cmd, List<LockItem> deps, Map<String, Map<String, Object>> params, List<LockItem> outs) {
        public LockItem dep(String path) {
            return find(deps, path);
        }

        public LockItem out(String path) {
            return find(outs, path);
        }

        private static LockItem find(List<LockItem> items, String path) {
            for (LockItem i : items) {
                if (i.path().equals(path)) {
                    return i;
                }
            }
            return null;
        }
    }

    /** A parsed lock file; {@code raw} is kept so a rewrite leaves other stages exactly as they were. */
    public record LockFile(String path, Map<String, LockEntry> stages, Map<String, Object> raw) {
        public static LockFile empty(String path) {
            return new LockFile(path, Map.of(), null);
        }
    }

    private LockFileFormat() {}

    @SuppressWarnings("unchecked")
    public static LockFile read(YamlDocument doc, String file) {
        Object root = doc.root();
        if (root == null) {
            return LockFile.empty(file);
        }
        if (!(root instanceof Map<?, ?> top)) {
            throw doc.error(root, "dvc.lock must be a mapping");
        }
        for (Object key : top.keySet()) {
            if (!TOP_KEYS.contains(String.valueOf(key))) {
                throw doc.error(top, key, "unknown key '" + key + "' in lock file");
            }
        }
        if (!"2.0".equals(top.get("schema"))) {
            throw doc.error(
                    top,
                    "schema",
                    "invalid schema version '" + top.get("schema") + "' (expected '2.0'): this lock"
                            + " file was written by dvc 1.x; run `dvc repro` once with dvc 2 or 3, or delete it");
        }
        Map<String, LockEntry> stages = new LinkedHashMap<>();
        Object stagesValue = top.get("stages");
        if (stagesValue instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String name = String.valueOf(e.getKey());
                if (!(e.getValue() instanceof Map<?, ?> entry)) {
                    throw doc.error(m, name, "lock entry of stage '" + name + "' must be a mapping");
                }
                stages.put(name, entry(doc, name, entry));
            }
        } else if (stagesValue != null) {
            throw doc.error(top, "stages", "'stages' must be a mapping");
        }
        return new LockFile(file, stages, (Map<String, Object>) top);
    }

    /** A single lock entry (a run-cache file holds one). */
    public static LockEntry readEntry(YamlDocument doc, String name) {
        if (!(doc.root() instanceof Map<?, ?> m)) {
            throw doc.error(doc.root(), "not a lock entry");
        }
        return entry(doc, name, m);
    }

    private static LockEntry entry(YamlDocument doc, String name, Map<?, ?> entry) {
        for (Object key : entry.keySet()) {
            if (!STAGE_KEYS.contains(String.valueOf(key))) {
                throw doc.error(entry, key, "unknown key '" + key + "' in lock entry of stage '" + name + "'");
            }
        }
        if (!entry.containsKey("cmd")) {
            throw doc.error(entry, "lock entry of stage '" + name + "' has no 'cmd'");
        }
        Map<String, Map<String, Object>> params = new LinkedHashMap<>();
        if (entry.get("params") instanceof Map<?, ?> p) {
            for (Map.Entry<?, ?> e : p.entrySet()) {
                Map<String, Object> values = new LinkedHashMap<>();
                if (e.getValue() instanceof Map<?, ?> kv) {
                    kv.forEach((k, v) -> values.put(String.valueOf(k), v));
                }
                params.put(String.valueOf(e.getKey()), values);
            }
        }
        return new LockEntry(
                entry.get("cmd"), items(doc, entry, "deps", name), params, items(doc, entry, "outs", name));
    }

    private static List<LockItem> items(YamlDocument doc, Map<?, ?> entry, String key, String stage) {
        Object v = entry.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            throw doc.error(entry, key, "'" + key + "' of stage '" + stage + "' must be a list");
        }
        List<LockItem> items = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m) || !(m.get("path") instanceof String path)) {
                throw doc.error(list, "an entry of '" + key + "' in stage '" + stage + "' has no path");
            }
            for (Object k : m.keySet()) {
                if (!ENTRY_KEYS.contains(String.valueOf(k))) {
                    throw doc.error(
                            m, k, "unknown key '" + k + "' in lock entry '" + path + "' of stage '" + stage + "'");
                }
            }
            HashInfo hash = null;
            Object md5 = m.get("md5");
            if (md5 != null && !String.valueOf(md5).isEmpty()) {
                String algorithm = m.get("hash") == null ? HashInfo.MD5_DOS2UNIX : String.valueOf(m.get("hash"));
                if (!HashInfo.MD5.equals(algorithm) && !HashInfo.MD5_DOS2UNIX.equals(algorithm)) {
                    throw doc.error(
                            m,
                            "hash",
                            "unsupported hash '" + algorithm + "' (only md5) in lock entry '" + path + "' of stage '"
                                    + stage + "'");
                }
                hash = new HashInfo(algorithm, String.valueOf(md5).toLowerCase(Locale.ROOT));
                if (!hash.isWellFormed()) {
                    throw doc.error(m, "md5", "'" + md5 + "' is not an md5 hash");
                }
            }
            Meta meta = new Meta(
                    m.get("size") instanceof Number n ? n.longValue() : null,
                    m.get("nfiles") instanceof Number n ? n.intValue() : null,
                    Boolean.TRUE.equals(m.get("isexec")));
            items.add(new LockItem(path, hash, meta));
        }
        return List.copyOf(items);
    }

    // ------------------------------------------------------------------ writing

    /**
     * The lock entry dvc writes for a stage that ran: cmd, then deps, params, outs (each omitted when
     * empty). {@code paramValues}: file def path → key → value.
     */
    public static Map<String, Object> entry(
            Object cmd, List<Output> deps, Map<String, Map<String, Object>> paramValues, List<Output> outs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cmd", cmd);
        List<Object> d = items(deps);
        if (!d.isEmpty()) {
            m.put("deps", d);
        }
        Map<String, Object> p = params(paramValues);
        if (!p.isEmpty()) {
            m.put("params", p);
        }
        List<Object> o = items(outs);
        if (!o.isEmpty()) {
            m.put("outs", o);
        }
        return m;
    }

    private static List<Object> items(List<Output> outputs) {
        List<Output> sorted = new ArrayList<>(outputs);
        sorted.sort(Comparator.comparing(Output::defPath, PyStrings.CODE_POINT_ORDER));
        List<Object> out = new ArrayList<>();
        for (Output o : sorted) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", o.defPath());
            if (o.hash() == null || !o.hash().isLegacy()) {
                m.put("hash", "md5");
            }
            if (o.hash() != null) {
                m.put("md5", o.hash().value());
            }
            DvcFileFormat.putMeta(m, o.meta());
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> params(Map<String, Map<String, Object>> values) {
        List<String> files = new ArrayList<>(values.keySet());
        files.sort(PyStrings.CODE_POINT_ORDER);
        if (files.remove(ParamsDep.DEFAULT_FILE)) {
            files.add(0, ParamsDep.DEFAULT_FILE);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String f : files) {
            Map<String, Object> kv = values.get(f);
            List<String> keys = new ArrayList<>(kv.keySet());
            keys.sort(PyStrings.CODE_POINT_ORDER);
            Map<String, Object> sorted = new LinkedHashMap<>();
            for (String k : keys) {
                sorted.put(k, kv.get(k));
            }
            out.put(f, sorted);
        }
        return out;
    }

    /** The new lock text: old content kept, these stage entries replacing theirs or appended. */
    @SuppressWarnings("unchecked")
    public static String write(LockFile old, Map<String, Map<String, Object>> updates) {
        Map<String, Object> data = old == null || old.raw() == null
                ? new LinkedHashMap<>()
                : (Map<String, Object>) ApplyDiff.deepCopy(old.raw());
        if (data.isEmpty()) {
            data.put("schema", "2.0");
        }
        Object stages = data.get("stages");
        Map<String, Object> stageMap = stages instanceof Map ? (Map<String, Object>) stages : new LinkedHashMap<>();
        data.put("stages", stageMap);
        stageMap.putAll(updates);
        return YamlWriter.dump(data);
    }

    /** The text after removing stages (the file disappears, null, when none remain). */
    @SuppressWarnings("unchecked")
    public static String remove(LockFile old, List<String> names) {
        Map<String, Object> data = (Map<String, Object>) ApplyDiff.deepCopy(old.raw());
        Map<String, Object> stageMap = (Map<String, Object>) data.get("stages");
        names.forEach(stageMap::remove);
        return stageMap.isEmpty() ? null : YamlWriter.dump(data);
    }
}
