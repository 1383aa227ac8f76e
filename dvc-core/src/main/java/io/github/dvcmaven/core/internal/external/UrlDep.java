package io.github.dvcmaven.core.internal.external;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.internal.pipeline.DvcFileStage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The dependency of an {@code import-url} pointer: the URL as recorded, its {@code fs_config}, and the
 * checksum (under {@code md5} or {@code etag}) the source had when it was imported. Keys this tool does
 * not honour (hdfs's {@code checksum}, cloud versioning's {@code cloud}) are refused.
 */
record UrlDep(String pointer, String path, Map<String, Object> fsConfig, String checksumKey, String checksum) {
    private static final Set<String> KEYS =
            Set.of("path", "md5", "etag", "size", "nfiles", "isexec", "hash", "fs_config", "version_id");

    static UrlDep of(DvcFileStage stage) {
        if (stage.imports().size() != 1) {
            throw new DvcException("'" + stage.file() + "': an import has exactly one dependency, this one has "
                    + stage.imports().size());
        }
        Map<String, Object> dep = stage.imports().get(0);
        for (String k : dep.keySet()) {
            if (!KEYS.contains(k)) {
                throw new DvcException(
                        "'" + stage.file() + "': dependency key '" + k + "' is not supported by dvc-maven's import-url"
                                + " (supported: " + String.join(", ", new java.util.TreeSet<>(KEYS)) + ")",
                        "use dvc for this pointer");
            }
        }
        if (!(dep.get("path") instanceof String p) || p.isBlank()) {
            throw new DvcException("'" + stage.file() + "': its dependency has no path");
        }
        Map<String, Object> fs = new LinkedHashMap<>();
        Object raw = dep.get("fs_config");
        if (raw instanceof Map<?, ?> m) {
            m.forEach((k, v) -> fs.put(String.valueOf(k), v));
        } else if (raw != null) {
            throw new DvcException("'" + stage.file() + "': fs_config must be a mapping, not '" + raw + "'");
        }
        String key = dep.containsKey("etag") ? "etag" : dep.containsKey("md5") ? "md5" : null;
        return new UrlDep(stage.file(), p, fs, key, key == null ? null : String.valueOf(dep.get(key)));
    }

    boolean matches(UrlState state) {
        return checksum != null && checksumKey.equals(state.checksumKey()) && checksum.equals(state.checksum());
    }
}
