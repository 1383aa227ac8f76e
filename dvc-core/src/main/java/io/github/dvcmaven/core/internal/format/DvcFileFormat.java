package io.github.dvcmaven.core.internal.format;

import io.github.dvcmaven.core.api.HashInfo;
import io.github.dvcmaven.core.internal.format.yaml.YamlDocument;
import io.github.dvcmaven.core.internal.format.yaml.YamlWriter;
import io.github.dvcmaven.core.internal.fs.RepoPaths;
import io.github.dvcmaven.core.internal.hash.Meta;
import io.github.dvcmaven.core.internal.pipeline.DvcFileStage;
import io.github.dvcmaven.core.internal.pipeline.Output;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one place that knows {@code .dvc} files: dvc 3's single-stage schema on read (unknown keys are
 * errors naming the line), dvc's key order on write ({@code md5, size, nfiles, isexec, hash, path,
 * ...}), and dvc's merge into the previous content so user keys and order survive.
 */
public final class DvcFileFormat {
    private static final Set<String> TOP_KEYS =
            Set.of("md5", "wdir", "deps", "outs", "locked", "frozen", "meta", "always_changed", "desc");
    /** How an output's data is identified, in a .dvc file and in dvc.lock alike (dvc's hash and meta schema). */
    static final Set<String> HASH_AND_META_KEYS =
            Set.of("md5", "etag", "checksum", "hash", "size", "nfiles", "isexec", "version_id", "cloud");

    static final Set<String> OUT_KEYS = union(
            HASH_AND_META_KEYS,
            "path",
            "persist",
            "cache",
            "remote",
            "push",
            "files",
            "fs_config",
            "desc",
            "type",
            "labels",
            "meta");
    static final List<String> ANNOTATION_KEYS = List.of("desc", "type", "labels", "meta");

    private DvcFileFormat() {}

    /** Parses a .dvc file; {@code file} is its posix path from the repo root. */
    @SuppressWarnings("unchecked")
    public static DvcFileStage read(YamlDocument doc, String file) {
        Object root = doc.root();
        if (root == null) {
            root = new LinkedHashMap<String, Object>();
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw doc.error(root, "a .dvc file must be a mapping");
        }
        for (Object key : map.keySet()) {
            if (!TOP_KEYS.contains(String.valueOf(key))) {
                throw doc.error(
                        map, key, "unknown key '" + key + "' (allowed: outs, deps, md5, wdir, frozen, desc, meta)");
            }
        }
        String wdirField = optString(doc, map, "wdir");
        String fileDir = RepoPaths.parent(file);
        String wdir = wdirField == null ? fileDir : RepoPaths.join(fileDir, wdirField);
        if (wdir == null) {
            throw doc.error(map, "wdir", "wdir '" + wdirField + "' points outside the repository");
        }
        List<Output> outs = new ArrayList<>();
        Object outsValue = map.get("outs");
        if (outsValue != null) {
            if (!(outsValue instanceof List<?> list)) {
                throw doc.error(map, "outs", "'outs' must be a list");
            }
            for (Object item : list) {
                outs.add(readEntry(doc, item, wdir, Output.Kind.OUT, OUT_KEYS));
            }
        }
        List<Map<String, Object>> deps = new ArrayList<>();
        Object depsValue = map.get("deps");
        if (depsValue instanceof List<?> list) {
            for (Object item : list) {
                if (!(item instanceof Map)) {
                    throw doc.error(list, "a dependency must be a mapping with a 'path'");
                }
                deps.add((Map<String, Object>) item);
            }
        } else if (depsValue != null) {
            throw doc.error(map, "deps", "'deps' must be a list");
        }
        Object md5 = map.get("md5");
        boolean frozen = Boolean.TRUE.equals(map.get("frozen")) || Boolean.TRUE.equals(map.get("locked"));
        return new DvcFileStage(
                file,
                wdir,
                List.copyOf(outs),
                List.copyOf(deps),
                md5 == null || String.valueOf(md5).isEmpty()
                        ? null
                        : String.valueOf(md5).toLowerCase(Locale.ROOT),
                frozen,
                optString(doc, map, "desc"),
                map.get("meta"),
                (Map<String, Object>) map);
    }

    /** Reads one {@code path + hash + meta + flags} entry of outs/deps (also used for dvc.lock entries). */
    public static Output readEntry(YamlDocument doc, Object item, String wdir, Output.Kind kind, Set<String> allowed) {
        if (!(item instanceof Map<?, ?> entry)) {
            throw doc.error(item, "an entry must be a mapping with a 'path'");
        }
        for (Object key : entry.keySet()) {
            if (!allowed.contains(String.valueOf(key))) {
                throw doc.error(entry, key, "unknown key '" + key + "' in entry '" + entry.get("path") + "'");
            }
        }
        Object pathValue = entry.get("path");
        if (!(pathValue instanceof String defPath) || defPath.isEmpty()) {
            throw doc.error(entry, "entry without a 'path'");
        }
        String repoPath = RepoPaths.join(wdir, defPath);
        if (repoPath == null) {
            throw doc.error(entry, "path", "path '" + defPath + "' points outside the repository");
        }
        HashInfo hash = null;
        Object md5 = entry.get("md5");
        if (md5 != null && !String.valueOf(md5).isEmpty()) {
            Object hashName = entry.get("hash");
            String algorithm = hashName == null ? HashInfo.MD5_DOS2UNIX : String.valueOf(hashName);
            if (!HashInfo.MD5.equals(algorithm) && !HashInfo.MD5_DOS2UNIX.equals(algorithm)) {
                throw doc.error(entry, "hash", "unsupported hash '" + algorithm + "' (only md5)");
            }
            hash = new HashInfo(algorithm, String.valueOf(md5));
            if (!hash.isWellFormed()) {
                throw doc.error(entry, "md5", "'" + md5 + "' is not an md5 hash");
            }
        }
        Meta meta = new Meta(
                asLong(doc, entry, "size"), asInt(doc, entry, "nfiles"), Boolean.TRUE.equals(entry.get("isexec")));
        Map<String, Object> annotations = new LinkedHashMap<>();
        for (String key : ANNOTATION_KEYS) {
            if (entry.containsKey(key)) {
                annotations.put(key, entry.get(key));
            }
        }
        boolean cache = !Boolean.FALSE.equals(entry.get("cache"));
        boolean persist = Boolean.TRUE.equals(entry.get("persist"));
        boolean push = !Boolean.FALSE.equals(entry.get("push"));
        Object remote = entry.get("remote");
        return new Output(
                defPath,
                repoPath,
                hash,
                meta,
                cache,
                persist,
                push,
                remote == null ? null : remote.toString(),
                kind,
                annotations);
    }

    private static Long asLong(YamlDocument doc, Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Number n)) {
            throw doc.error(m, key, "'" + key + "' must be an integer");
        }
        return n.longValue();
    }

    private static Integer asInt(YamlDocument doc, Map<?, ?> m, String key) {
        Long v = asLong(doc, m, key);
        return v == null ? null : v.intValue();
    }

    private static String optString(YamlDocument doc, Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw doc.error(m, key, "'" + key + "' must be a string");
        }
        return s;
    }

    /** The text dvc writes for this stage, merged into its previous content when it had one. */
    public static String write(DvcFileStage stage) {
        Map<String, Object> fresh = dump(stage);
        if (stage.raw() == null) {
            return YamlWriter.dump(fresh);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> merged = (Map<String, Object>) ApplyDiff.deepCopy(stage.raw());
        ApplyDiff.apply(fresh, merged);
        return YamlWriter.dump(merged);
    }

    /** dvc's {@code get_dump}: desc, md5, wdir, frozen, deps, outs, meta; falsy values left out. */
    static Map<String, Object> dump(DvcFileStage stage) {
        Map<String, Object> m = new LinkedHashMap<>();
        putIfTruthy(m, "desc", stage.desc());
        putIfTruthy(m, "md5", stage.md5());
        String fileDir = RepoPaths.parent(stage.file());
        if (!stage.wdir().equals(fileDir)) {
            m.put("wdir", RepoPaths.relativize(fileDir, stage.wdir()));
        }
        if (stage.frozen()) {
            m.put("frozen", true);
        }
        if (!stage.imports().isEmpty()) {
            m.put("deps", new ArrayList<>(stage.imports()));
        }
        List<Object> outs = new ArrayList<>();
        for (Output o : stage.outs()) {
            outs.add(dumpOut(o, stage.wdir()));
        }
        if (!outs.isEmpty()) {
            m.put("outs", outs);
        }
        putIfTruthy(m, "meta", stage.meta());
        return m;
    }

    /** An output in .dvc order: hash value, meta, hash name, path, annotations, flags. */
    public static Map<String, Object> dumpOut(Output o, String wdir) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (o.hash() != null) {
            m.put("md5", o.hash().value());
        }
        putMeta(m, o.meta());
        if (o.hash() == null || !o.hash().isLegacy()) {
            m.put("hash", "md5");
        }
        m.put("path", RepoPaths.relativize(wdir, o.repoPath()));
        for (String key : ANNOTATION_KEYS) {
            putIfTruthy(m, key, o.annotations().get(key));
        }
        if (!o.cache()) {
            m.put("cache", false);
        }
        if (o.persist()) {
            m.put("persist", true);
        }
        putIfTruthy(m, "remote", o.remote());
        if (!o.push()) {
            m.put("push", false);
        }
        return m;
    }

    public static void putMeta(Map<String, Object> m, Meta meta) {
        if (meta.size() != null) {
            m.put("size", meta.size());
        }
        if (meta.nfiles() != null) {
            m.put("nfiles", meta.nfiles());
        }
        if (meta.isexec()) {
            m.put("isexec", true);
        }
    }

    private static void putIfTruthy(Map<String, Object> m, String key, Object value) {
        if (value == null
                || Boolean.FALSE.equals(value)
                || (value instanceof String s && s.isEmpty())
                || (value instanceof Map<?, ?> map && map.isEmpty())
                || (value instanceof List<?> l && l.isEmpty())) {
            return;
        }
        m.put(key, value);
    }

    static Set<String> union(Set<String> shared, String... more) {
        Set<String> all = new HashSet<>(shared);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }
}
