package io.github.dvcmaven.core.internal.format.yaml;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The YAML 1.2 implicit typing that dvc's YAML library (ruamel) applies to plain scalars: which plain
 * text reads as a bool, int, float, null or timestamp. The writer uses it to decide when a string must
 * be quoted; the reader to type plain scalars. {@code yes}, {@code on}, {@code 12:30} are strings here.
 */
public final class Yaml12 {
    public enum Kind {
        STR,
        BOOL,
        INT,
        FLOAT,
        NULL,
        TIMESTAMP,
        MERGE,
        VALUE
    }

    private static final Pattern BOOL = Pattern.compile("true|True|TRUE|false|False|FALSE");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+]?[0-9]+)?"
            + "|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)"
            + "|[-+]?\\.[0-9_]+(?:[eE][-+][0-9]+)?"
            + "|[-+]?\\.(?:inf|Inf|INF)"
            + "|\\.(?:nan|NaN|NAN)");
    private static final Pattern INT =
            Pattern.compile("[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+");
    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
            + "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
            + "(?:[Tt]|[ \\t]+)[0-9][0-9]?"
            + ":[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?"
            + "(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?");

    private Yaml12() {}

    /** The type a plain scalar with this text resolves to; resolvers only apply for their first characters. */
    public static Kind resolve(String text) {
        char first = text.isEmpty() ? '\0' : text.charAt(0);
        if ("tTfF".indexOf(first) >= 0 && !text.isEmpty() && BOOL.matcher(text).matches()) {
            return Kind.BOOL;
        }
        if ("-+0123456789.".indexOf(first) >= 0
                && !text.isEmpty()
                && FLOAT.matcher(text).matches()) {
            return Kind.FLOAT;
        }
        if ("-+0123456789".indexOf(first) >= 0
                && !text.isEmpty()
                && INT.matcher(text).matches()) {
            return Kind.INT;
        }
        if (text.equals("<<")) {
            return Kind.MERGE;
        }
        if ((text.isEmpty() || "~nN".indexOf(first) >= 0) && NULL.matcher(text).matches()) {
            return Kind.NULL;
        }
        if ("0123456789".indexOf(first) >= 0
                && !text.isEmpty()
                && TIMESTAMP.matcher(text).matches()) {
            return Kind.TIMESTAMP;
        }
        if (text.equals("=")) {
            return Kind.VALUE;
        }
        return Kind.STR;
    }

    /** ruamel's int construction: underscores dropped, 0b/0x/0o prefixes, otherwise decimal. */
    public static Number parseInt(String text) {
        String s = text.replace("_", "");
        boolean negative = s.startsWith("-");
        if (s.startsWith("-") || s.startsWith("+")) {
            s = s.substring(1);
        }
        BigInteger v;
        if (s.startsWith("0b")) {
            v = new BigInteger(s.substring(2), 2);
        } else if (s.startsWith("0x")) {
            v = new BigInteger(s.substring(2), 16);
        } else if (s.startsWith("0o")) {
            v = new BigInteger(s.substring(2), 8);
        } else {
            v = new BigInteger(s);
        }
        if (negative) {
            v = v.negate();
        }
        return v.bitLength() < 64 ? (Number) v.longValue() : v;
    }

    public static double parseFloat(String text) {
        String s = text.replace("_", "").toLowerCase(Locale.ROOT);
        double sign = 1;
        if (s.startsWith("-")) {
            sign = -1;
        }
        if (s.startsWith("-") || s.startsWith("+")) {
            s = s.substring(1);
        }
        if (s.equals(".inf")) {
            return sign * Double.POSITIVE_INFINITY;
        }
        if (s.equals(".nan")) {
            return Double.NaN;
        }
        return sign * Double.parseDouble(s);
    }
}
