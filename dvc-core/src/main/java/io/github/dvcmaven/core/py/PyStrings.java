package io.github.dvcmaven.core.py;

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
        int i = 0;
        int j = 0;
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
