package io.github.dvcmaven.core.internal.config;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.internal.fs.AtomicWrite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Edits one config level the way dvc does: the file is read, changed as a structure and rewritten whole
 * (4-space indent, plain sections first, {@code ['remote "x"']} sections last). What may be written
 * into a remote's section is {@link RemoteOptionSchema}'s to say.
 */
public final class ConfigEditor {
    private ConfigEditor() {}

    /** Reads the level's file, applies the change, writes it back atomically. */
    public static void edit(Path file, Consumer<Map<String, Object>> change) {
        boolean existed = Files.exists(file);
        Map<String, Object> conf = DvcConfig.readLevel(file);
        Map<String, Object> before = DvcConfig.packNamed(conf).equals(Map.of()) ? Map.of() : null;
        change.accept(conf);
        conf.values().removeIf(v -> v instanceof Map<?, ?> m && m.isEmpty());
        if (!existed && conf.isEmpty() && before != null) {
            return;
        }
        String text = ConfigObj.write(DvcConfig.packNamed(conf), "\n");
        try {
            AtomicWrite.writeString(file, text);
        } catch (IOException e) {
            throw new DvcException("cannot write " + file + ": " + e.getMessage(), null, e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> section(Map<String, Object> conf, String name) {
        return (Map<String, Object>) conf.computeIfAbsent(name, k -> new LinkedHashMap<String, Object>());
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Map<String, Object>> remotes(Map<String, Object> conf) {
        return (Map<String, Map<String, Object>>)
                conf.computeIfAbsent("remote", k -> new LinkedHashMap<String, Object>());
    }
}
