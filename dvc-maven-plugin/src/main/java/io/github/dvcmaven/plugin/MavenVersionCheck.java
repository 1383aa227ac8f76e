package io.github.dvcmaven.plugin;

import java.util.Properties;

/**
 * The oldest Maven the plugin is tested on is 3.6.3. Maven does not enforce a plugin's
 * {@code <prerequisites>} (3.5.4 runs it regardless), so the extension and every goal check the
 * running version themselves and fail, naming it, rather than run untested.
 */
public final class MavenVersionCheck {
    static final int[] OLDEST = {3, 6, 3};

    private MavenVersionCheck() {}

    /** Why this Maven cannot run the plugin, or null when it can (or does not say which it is). */
    public static String problem(Properties systemProperties) {
        String version = systemProperties.getProperty("maven.version");
        if (version == null || version.isBlank()) {
            return null;
        }
        int[] v = parse(version);
        for (int i = 0; i < OLDEST.length; i++) {
            if (v[i] != OLDEST[i]) {
                return v[i] > OLDEST[i]
                        ? null
                        : "dvc-maven-plugin needs Maven 3.6.3 or newer; this is Maven " + version
                                + ". Use the project's ./mvnw, or install a newer Maven (3.9.x recommended)";
            }
        }
        return null;
    }

    private static int[] parse(String version) {
        int[] out = new int[OLDEST.length];
        String[] parts = version.split("[.-]");
        for (int i = 0; i < out.length && i < parts.length; i++) {
            try {
                out[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                break; // "4.0.0-rc-6": the numbers before the qualifier decide
            }
        }
        return out;
    }
}
