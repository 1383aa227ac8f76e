package io.github.dvcmaven.core.internal.config;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** Where each config level lives, from the environment as dvc computes it (Linux/macOS layout). */
public final class ConfigFiles {
    private final Map<ConfigLevel, Path> files = new EnumMap<>(ConfigLevel.class);

    private ConfigFiles() {}

    public static ConfigFiles forRepo(Path dvcDir, Map<String, String> env) {
        ConfigFiles f = new ConfigFiles();
        f.files.put(ConfigLevel.SYSTEM, systemDir(env).resolve("config"));
        f.files.put(ConfigLevel.GLOBAL, globalDir(env).resolve("config"));
        if (dvcDir != null) {
            f.files.put(ConfigLevel.REPO, dvcDir.resolve("config"));
            f.files.put(ConfigLevel.LOCAL, dvcDir.resolve("config.local"));
        }
        return f;
    }

    public Path file(ConfigLevel level) {
        return files.get(level);
    }

    public Map<ConfigLevel, Path> all() {
        return files;
    }

    static Path globalDir(Map<String, String> env) {
        String dir = env.get("DVC_GLOBAL_CONFIG_DIR");
        if (dir != null && !dir.isEmpty()) {
            return Paths.get(dir);
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        if (isMac()) {
            return Paths.get(home, "Library", "Application Support", "dvc");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Paths.get(xdg) : Paths.get(home, ".config");
        return base.resolve("dvc");
    }

    static Path systemDir(Map<String, String> env) {
        String dir = env.get("DVC_SYSTEM_CONFIG_DIR");
        if (dir != null && !dir.isEmpty()) {
            return Paths.get(dir);
        }
        if (isMac()) {
            return Paths.get("/Library/Application Support/dvc");
        }
        String xdg = env.get("XDG_CONFIG_DIRS");
        String first = xdg != null && !xdg.isBlank() ? xdg.split(":")[0] : "/etc/xdg";
        return Paths.get(first, "dvc");
    }

    private static boolean isMac() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac");
    }
}
