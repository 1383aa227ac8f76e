package io.github.dvcmaven.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code -Ddvc.*} properties some goal of this plugin reads, taken from the plugin's own descriptor
 * (every parameter's {@code ${dvc.name}} expression), so a misspelt one fails the build instead of being
 * ignored.
 */
public final class PluginProperties {
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{(dvc\\.[A-Za-z0-9_.-]+)}");
    private static volatile Set<String> known;

    private PluginProperties() {}

    static Set<String> known() {
        Set<String> k = known;
        if (k == null) {
            k = read();
            known = k;
        }
        return k;
    }

    /** Our own jar's descriptor, never another plugin's that a parent class realm might show first. */
    private static Set<String> read() {
        String self =
                PluginProperties.class.getResource("PluginProperties.class").toString();
        String root = self.substring(
                0, self.length() - (PluginProperties.class.getName().replace('.', '/') + ".class").length());
        try (InputStream in = new URL(root + "META-INF/maven/plugin.xml").openStream()) {
            Matcher m = EXPRESSION.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Set<String> names = new TreeSet<>();
            while (m.find()) {
                names.add(m.group(1));
            }
            return Set.copyOf(names);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the plugin's descriptor", e);
        }
    }

    /** The first {@code dvc.*} user property no goal knows, described with the nearest known name; null if none. */
    public static String unknown(Properties userProperties) {
        Set<String> names = known();
        for (String p : new TreeSet<>(userProperties.stringPropertyNames())) {
            if (p.startsWith("dvc.") && !names.contains(p)) {
                String nearest = nearest(p, names);
                return "unknown property -D" + p + (nearest == null ? "" : ": did you mean -D" + nearest + "?")
                        + " No goal of dvc-maven-plugin reads it (the dvc. prefix is the plugin's; see `mvn dvc:help"
                        + " -Ddetail`)";
            }
        }
        return null;
    }

    static String nearest(String name, Set<String> names) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : names) {
            int d = distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        int suffix = name.length() - "dvc.".length();
        return bestDistance <= Math.max(2, suffix / 3) ? best : null;
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
