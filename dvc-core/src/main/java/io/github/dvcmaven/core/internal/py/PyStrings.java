package io.github.dvcmaven.core.internal.py;

import java.util.Comparator;

/** Python string semantics that Java's {@link String} does not share. */
public final class PyStrings {
    private PyStrings() {}

    /**
     * Python compares str by code point; Java's compareTo by UTF-16 unit, which differs for
     * characters above U+FFFF against U+E000..U+FFFF.
     */
    public static final Comparator<String> CODE_POINT_ORDER = PyStrings::compareCodePoints;

    public static int compareCodePoints(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int k = 0; k < n; k++) {
            char ca = a.charAt(k);
            char cb = b.charAt(k);
            if (ca != cb) {
                if (!Character.isSurrogate(ca) && !Character.isSurrogate(cb)) {
                    return Character.compare(ca, cb);
                }
                return slowCompare(a, b, k);
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    private static int slowCompare(String a, String b, int from) {
        // back up to the start of a surrogate pair shared by both strings
        int start = from > 0 && Character.isHighSurrogate(a.charAt(from - 1)) ? from - 1 : from;
        int i = start;
        int j = start;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
