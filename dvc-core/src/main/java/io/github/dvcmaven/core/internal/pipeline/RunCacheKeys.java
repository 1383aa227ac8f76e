package io.github.dvcmaven.core.internal.pipeline;

import io.github.dvcmaven.core.internal.py.PyJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * dvc's run-cache identities: the sha256 of Python {@code json.dumps(entry, sort_keys=True)} of a stage's
 * lock entry with every {@code size} and {@code nfiles} key removed at any depth; the key replaces the
 * outs by their paths (what was run), the value keeps them (what it produced).
 */
public final class RunCacheKeys {
    private RunCacheKeys() {}

    public static String key(Map<String, Object> entry) {
        Map<String, Object> copy = new LinkedHashMap<>(entry);
        List<Object> paths = new ArrayList<>();
        if (entry.get("outs") instanceof List<?> outs) {
            for (Object o : outs) {
                paths.add(((Map<?, ?>) o).get("path"));
            }
        }
        copy.put("outs", paths);
        return sha256(copy);
    }

    public static String value(Map<String, Object> entry) {
        return sha256(entry);
    }

    private static String sha256(Object entry) {
        byte[] json = PyJson.dumpsSorted(filter(entry)).getBytes(StandardCharsets.UTF_8);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object filter(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!"size".equals(e.getKey()) && !"nfiles".equals(e.getKey())) {
                    out.put(e.getKey(), filter(e.getValue()));
                }
            }
            return out;
        }
        if (o instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object v : l) {
                out.add(filter(v));
            }
            return out;
        }
        return o;
    }
}
