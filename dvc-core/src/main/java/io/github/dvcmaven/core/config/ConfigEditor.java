package io.github.dvcmaven.core.config;

import io.github.dvcmaven.core.DvcException;
import io.github.dvcmaven.core.fs.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Edits one config level the way dvc does: the file is read, changed as a structure and rewritten whole
 * (4-space indent, plain sections first, {@code ['remote "x"']} sections last). Remote options are
 * checked against the options dvc accepts for the remote's type.
 */
public final class ConfigEditor {
    private ConfigEditor() {}

    /** Reads the level's file, applies the change, writes it back atomically. */
    public static void edit(Path file, Consumer<Map<String, Object>> change) {
        boolean existed = java.nio.file.Files.exists(file);
        Map<String, Object> conf = DvcConfig.readLevel(file);
        Map<String, Object> before = DvcConfig.packNamed(conf).equals(Map.of()) ? Map.of() : null;
        change.accept(conf);
        conf.values().removeIf(v -> v instanceof Map<?, ?> m && m.isEmpty());
        if (!existed && conf.isEmpty() && before != null) {
            return;
        }
        String text = ConfigObj.write(DvcConfig.packNamed(conf), "\n");
        try {
            AtomicFiles.writeString(file, text);
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
        return (Map<String, Map<String, Object>>) conf.computeIfAbsent("remote", k -> new LinkedHashMap<String, Object>());
    }

    /**
     * Refuses an option dvc would refuse for this remote's URL ("extra keys not allowed"), or one
     * dvc-maven would not honour with that value.
     */
    public static void checkOption(String remote, String url, String option, String value) {
        RemoteOptionSchema.check(remote, url, option, value, null);
    }

    /** Refuses a URL whose scheme dvc does not know ({@code s4://}, {@code htps://}), as dvc does at once. */
    public static void checkUrl(String remote, String url) {
        if (url == null || url.isBlank()) {
            throw new DvcException("remote '" + remote + "': the url is empty", "give one with -Ddvc.url=s3://bucket/path");
        }
        if (!RemoteOptionSchema.knownScheme(url)) {
            throw new DvcException("remote '" + remote + "': unsupported URL type " + url.substring(0, url.indexOf("://") + 3)
                    + " in '" + url + "'", "dvc knows " + RemoteOptionSchema.DVC_SCHEMES + " and local paths");
        }
    }
}
