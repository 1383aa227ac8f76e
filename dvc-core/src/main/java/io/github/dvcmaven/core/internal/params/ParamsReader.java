package io.github.dvcmaven.core.internal.params;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.internal.format.params.ParamsFiles;
import io.github.dvcmaven.core.internal.pipeline.ParamsDep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Current values of a stage's parameters, read as dvc reads them (dotted keys, whole files). */
public final class ParamsReader {
    private final Path root;
    private final Map<String, Object> cache = new LinkedHashMap<>();

    public ParamsReader(Path root) {
        this.root = root;
    }

    public boolean exists(ParamsDep p) {
        return Files.isRegularFile(root.resolve(p.repoPath()));
    }

    /** key → value for key-tracked params (missing keys absent); the whole parsed file otherwise. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> values(ParamsDep p) {
        Object data = cache.computeIfAbsent(p.repoPath(), k -> {
            Path file = root.resolve(k);
            if (Files.isDirectory(file)) {
                throw new DvcException("'" + k + "' is a directory, expected a parameters file");
            }
            return ParamsFiles.read(file, k);
        });
        Map<String, Object> out = new LinkedHashMap<>();
        if (p.wholeFile()) {
            if (data instanceof Map<?, ?> m) {
                m.forEach((k, v) -> out.put(String.valueOf(k), v));
            }
            return out;
        }
        for (String key : p.keys()) {
            Object v = ParamsFiles.get(data, key);
            if (v != ParamsFiles.Missing.INSTANCE) {
                out.put(key, v);
            }
        }
        return out;
    }

    /** Values to record in the lock; every listed key must exist. */
    public Map<String, Object> valuesForLock(ParamsDep p, String stage) {
        if (!exists(p)) {
            throw new DvcException(
                    "Parameters file '" + p.repoPath() + "' of stage '" + stage + "' does not exist",
                    "create it or remove the params entry from the stage");
        }
        Map<String, Object> values = values(p);
        for (String key : p.keys()) {
            if (!values.containsKey(key)) {
                throw new DvcException(
                        "Parameters '" + key + "' are missing from '" + p.repoPath() + "' (stage '" + stage + "')",
                        "add the key to " + p.repoPath() + " or remove it from the stage's params");
            }
        }
        return values;
    }
}
