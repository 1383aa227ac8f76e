package io.github.dvcmaven.plugin;

import java.util.Locale;

/** Byte counts for people: 512 B, 1.5 KiB, 1.0 GiB. */
final class HumanBytes {
    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB"};

    private HumanBytes() {}

    static String of(long n) {
        if (n < 1024) {
            return n + " B";
        }
        double v = n;
        int u = -1;
        while (v >= 1024 && u < UNITS.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, UNITS[u]);
    }
}
