package io.github.dvcmaven.core.internal.config;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.internal.format.FormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The merged dvc configuration: system, global, repo ({@code .dvc/config}) and local
 * ({@code .dvc/config.local}), lower-cased and merged key by key as dvc does, with relative paths
 * resolved against the directory of the file that set them. Named sections ({@code remote "x"}) are
 * grouped under their kind.
 */
public final class DvcConfig {
    private static final Pattern NAMED = Pattern.compile("^\\s*(remote|machine|db)\\s*\"(.*)\"\\s*$");
    private static final Set<String> REMOTE_PATH_KEYS = Set.of(
            "url",
            "gdrive_user_credentials_file",
            "gdrive_service_account_json_file_path",
            "credentialpath",
            "configpath",
            "keyfile",
            "cert_path",
            "key_path");
    private static final Pattern URL = Pattern.compile("^\\w+://.*");

    private final Map<String, Object> merged;
    private final Map<ConfigLevel, Map<String, Object>> levels;
    private final ConfigFiles files;

    private DvcConfig(Map<String, Object> merged, Map<ConfigLevel, Map<String, Object>> levels, ConfigFiles files) {
        this.merged = merged;
        this.levels = levels;
        this.files = files;
    }

    public static DvcConfig load(ConfigFiles files) {
        Map<String, Object> merged = new LinkedHashMap<>();
        Map<ConfigLevel, Map<String, Object>> levels = new EnumMap<>(ConfigLevel.class);
        for (ConfigLevel level : ConfigLevel.values()) {
            Path file = files.file(level);
            if (file == null) {
                continue;
            }
            Map<String, Object> conf;
            try {
                conf = resolvePaths(readLevel(file), file.toAbsolutePath().getParent());
            } catch (InvalidPathException e) {
                throw new DvcException(
                        "config file " + file + ": '" + e.getInput() + "' is not a valid path: " + e.getReason(),
                        "fix the url or path option that holds it",
                        e);
            }
            levels.put(level, conf);
            mergeInto(merged, conf);
        }
        return new DvcConfig(merged, levels, files);
    }

    public static DvcConfig empty() {
        return new DvcConfig(new LinkedHashMap<>(), new EnumMap<>(ConfigLevel.class), null);
    }

    /** Reads one level as dvc parses it: configobj, keys lower-cased, named sections grouped. */
    public static Map<String, Object> readLevel(Path file) {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new LinkedHashMap<>();
        } catch (IOException e) {
            throw new DvcException("cannot read config file " + file + ": " + e.getMessage(), null, e);
        }
        Map<String, Object> parsed = ConfigObj.parse(text, file.toString());
        for (Map.Entry<String, Object> e : parsed.entrySet()) {
            if (!(e.getValue() instanceof Map)) {
                throw new FormatException(
                        file.toString(),
                        lineOf(text, e.getKey()),
                        "'" + e.getKey()
                                + "' is set outside any section (dvc refuses it: extra keys not allowed); put it under [core],"
                                + " [cache], ['remote \"name\"'] or another section");
            }
        }
        return parseNamed(lowerKeys(parsed));
    }

    private static int lineOf(String text, String key) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.startsWith("[")) {
                return 0;
            }
            if (l.startsWith(key) && l.substring(key.length()).strip().startsWith("=")) {
                return i + 1;
            }
        }
        return 0;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> lowerKeys(Map<String, Object> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : map.entrySet()) {
            Object v = e.getValue();
            out.put(e.getKey().toLowerCase(Locale.ROOT), v instanceof Map ? lowerKeys((Map<String, Object>) v) : v);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parseNamed(Map<String, Object> conf) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : conf.entrySet()) {
            Matcher m = NAMED.matcher(e.getKey());
            if (m.matches() && e.getValue() instanceof Map) {
                Map<String, Object> kind =
                        (Map<String, Object>) out.computeIfAbsent(m.group(1), k -> new LinkedHashMap<>());
                kind.put(m.group(2), e.getValue());
            } else {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** The inverse of {@link #parseNamed}: plain sections first, then {@code remote "x"} style sections. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> packNamed(Map<String, Object> conf) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> named = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : conf.entrySet()) {
            if (Set.of("remote", "machine", "db").contains(e.getKey()) && e.getValue() instanceof Map) {
                for (Map.Entry<String, Object> n : ((Map<String, Object>) e.getValue()).entrySet()) {
                    named.put(e.getKey() + " \"" + n.getKey() + "\"", n.getValue());
                }
            } else {
                out.put(e.getKey(), e.getValue());
            }
        }
        out.putAll(named);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolvePaths(Map<String, Object> conf, Path confDir) {
        Object cache = conf.get("cache");
        if (cache instanceof Map<?, ?> c && c.get("dir") instanceof String dir) {
            ((Map<String, Object>) c).put("dir", resolvePath(confDir, dir));
        }
        if (conf.get("remote") instanceof Map<?, ?> remotes) {
            for (Object r : remotes.values()) {
                if (r instanceof Map<?, ?> remote) {
                    for (String key : REMOTE_PATH_KEYS) {
                        if (remote.get(key) instanceof String p) {
                            ((Map<String, Object>) remote).put(key, resolvePath(confDir, p));
                        }
                    }
                }
            }
        }
        return conf;
    }

    static String resolvePath(Path confDir, String path) {
        if (URL.matcher(path).matches()) {
            return path;
        }
        String expanded = path.startsWith("~") ? System.getProperty("user.home") + path.substring(1) : path;
        Path p = Paths.get(expanded);
        if (p.isAbsolute()) {
            return expanded;
        }
        return confDir.resolve(p).normalize().toString();
    }

    @SuppressWarnings("unchecked")
    private static void mergeInto(Map<String, Object> target, Map<String, Object> source) {
        for (Map.Entry<String, Object> e : source.entrySet()) {
            Object existing = target.get(e.getKey());
            if (existing instanceof Map && e.getValue() instanceof Map) {
                mergeInto((Map<String, Object>) existing, (Map<String, Object>) e.getValue());
            } else if (e.getValue() instanceof Map) {
                Map<String, Object> copy = new LinkedHashMap<>();
                mergeInto(copy, (Map<String, Object>) e.getValue());
                target.put(e.getKey(), copy);
            } else {
                target.put(e.getKey(), e.getValue());
            }
        }
    }

    // ------------------------------------------------------------------ typed access

    /** The file that sets this remote's option (the last level to set it wins), or a generic phrase. */
    public String whereRemoteOptionIsSet(String remote, String key) {
        String where = "the dvc config";
        for (Map.Entry<ConfigLevel, Map<String, Object>> level : levels.entrySet()) {
            if (level.getValue().get("remote") instanceof Map<?, ?> remotes
                    && remotes.get(remote) instanceof Map<?, ?> opts
                    && opts.containsKey(key)
                    && files != null
                    && files.file(level.getKey()) != null) {
                where = files.file(level.getKey()).toString();
            }
        }
        return where;
    }

    /** A value as text; lists (unquoted commas) are joined back with commas. */
    public Optional<String> get(String section, String key) {
        Object sec = merged.get(section);
        if (!(sec instanceof Map<?, ?> map)) {
            return Optional.empty();
        }
        return Optional.ofNullable(asText(map.get(key)));
    }

    public boolean getBoolean(String section, String key, boolean defaultValue) {
        Optional<String> v = get(section, key);
        if (v.isEmpty()) {
            return defaultValue;
        }
        return parseBoolean(v.get(), section + "." + key);
    }

    public static boolean parseBoolean(String text, String name) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new DvcException("config option '" + name + "' must be a boolean, not '" + text + "'");
        };
    }

    public Optional<Integer> getInt(String section, String key) {
        Optional<String> v = get(section, key);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(v.get().trim()));
        } catch (NumberFormatException e) {
            throw new DvcException(
                    "config option '" + section + "." + key + "' must be an integer, not '" + v.get() + "'", null, e);
        }
    }

    /** A comma-separated option (cache.type) as a list, whether written quoted or as a configobj list. */
    public List<String> getList(String section, String key) {
        Object sec = merged.get(section);
        if (!(sec instanceof Map<?, ?> map) || map.get(key) == null) {
            return List.of();
        }
        Object v = map.get(key);
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> list) {
            for (Object o : list) {
                out.add(String.valueOf(o).trim());
            }
        } else {
            for (String s : String.valueOf(v).split(",")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
        }
        return out;
    }

    /** Remote name → its options (already path-resolved), in config order. */
    @SuppressWarnings("unchecked")
    public Map<String, Map<String, Object>> remotes() {
        Object r = merged.get("remote");
        if (!(r instanceof Map)) {
            return Map.of();
        }
        return Collections.unmodifiableMap((Map<String, Map<String, Object>>) r);
    }

    /** The raw, unmerged options of one level (for warnings about secrets committed in .dvc/config). */
    public Map<String, Object> level(ConfigLevel level) {
        return levels.getOrDefault(level, Map.of());
    }

    public ConfigFiles files() {
        return files;
    }

    private static String asText(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            for (Object o : list) {
                parts.add(String.valueOf(o));
            }
            return String.join(",", parts);
        }
        return String.valueOf(v);
    }
}
