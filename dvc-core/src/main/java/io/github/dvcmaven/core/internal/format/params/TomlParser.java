package io.github.dvcmaven.core.internal.format.params;

import io.github.dvcmaven.core.internal.format.FormatException;
import io.github.dvcmaven.core.internal.py.RawScalar;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * TOML 1.0 for parameter files (dvc reads them with tomlkit): tables, dotted keys, arrays of tables,
 * inline tables, all string forms, integers in every base, floats with inf/nan, booleans, and dates
 * kept verbatim. Values come out as the YAML reader's (LinkedHashMap, ArrayList, String, Long, Double).
 */
public final class TomlParser {
    private final String text;
    private final String source;
    private int pos;
    private int line = 1;

    private TomlParser(String text, String source) {
        this.text = text;
        this.source = source;
    }

    public static Map<String, Object> parse(String text, String source) {
        return new TomlParser(text, source).document();
    }

    private FormatException error(String message) {
        return new FormatException(source, line, "invalid TOML: " + message);
    }

    /** Tables a [header] defined: TOML allows each once (a table made implicitly by [a.b] may get its [a] once). */
    private final Set<Object> headers = Collections.newSetFromMap(new IdentityHashMap<>());

    private Map<String, Object> document() {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> current = root;
        while (true) {
            skipWhitespaceCommentsAndNewlines();
            if (pos >= text.length()) {
                return root;
            }
            char c = text.charAt(pos);
            if (c == '[') {
                boolean arrayTable = text.startsWith("[[", pos);
                pos += arrayTable ? 2 : 1;
                List<String> keys = key();
                skipSpaces();
                if (!text.startsWith(arrayTable ? "]]" : "]", pos)) {
                    throw error("expected ']' after table name");
                }
                pos += arrayTable ? 2 : 1;
                Map<String, Object> parent = root;
                for (int i = 0; i < keys.size() - 1; i++) {
                    parent = descend(parent, keys.get(i));
                }
                String last = keys.get(keys.size() - 1);
                if (arrayTable) {
                    Object existing = parent.computeIfAbsent(last, k -> new ArrayList<>());
                    if (!(existing instanceof List)) {
                        throw error("'" + last + "' is not an array of tables");
                    }
                    Map<String, Object> table = new LinkedHashMap<>();
                    ((List<Object>) existing).add(table);
                    current = table;
                } else {
                    current = descend(parent, last);
                    if (!headers.add(current)) {
                        throw error("table '" + String.join(".", keys) + "' is defined twice");
                    }
                }
                endOfLine();
                continue;
            }
            List<String> keys = key();
            skipSpaces();
            if (pos >= text.length() || text.charAt(pos) != '=') {
                throw error("expected '=' after key");
            }
            pos++;
            skipSpaces();
            Object value = value();
            put(current, keys, value);
            endOfLine();
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> descend(Map<String, Object> parent, String key) {
        Object existing = parent.get(key);
        if (existing == null) {
            Map<String, Object> table = new LinkedHashMap<>();
            parent.put(key, table);
            return table;
        }
        if (existing instanceof Map) {
            return (Map<String, Object>) existing;
        }
        if (existing instanceof List<?> list && !list.isEmpty() && list.get(list.size() - 1) instanceof Map) {
            return (Map<String, Object>) list.get(list.size() - 1);
        }
        throw error("'" + key + "' is defined twice");
    }

    private void put(Map<String, Object> table, List<String> keys, Object value) {
        Map<String, Object> target = table;
        for (int i = 0; i < keys.size() - 1; i++) {
            target = descend(target, keys.get(i));
        }
        String last = keys.get(keys.size() - 1);
        if (target.containsKey(last)) {
            throw error("duplicate key '" + last + "'");
        }
        target.put(last, value);
    }

    private List<String> key() {
        List<String> parts = new ArrayList<>();
        while (true) {
            skipSpaces();
            if (pos >= text.length()) {
                throw error("expected a key");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                parts.add(basicString());
            } else if (c == '\'') {
                parts.add(literalString());
            } else {
                int start = pos;
                while (pos < text.length()
                        && (Character.isLetterOrDigit(text.charAt(pos))
                                || text.charAt(pos) == '_'
                                || text.charAt(pos) == '-')) {
                    pos++;
                }
                if (start == pos) {
                    throw error("expected a key");
                }
                parts.add(text.substring(start, pos));
            }
            skipSpaces();
            if (pos < text.length() && text.charAt(pos) == '.') {
                pos++;
                continue;
            }
            return parts;
        }
    }

    private Object value() {
        if (pos >= text.length()) {
            throw error("expected a value");
        }
        char c = text.charAt(pos);
        if (text.startsWith("\"\"\"", pos)) {
            return multilineBasic();
        }
        if (text.startsWith("'''", pos)) {
            return multilineLiteral();
        }
        if (c == '"') {
            return basicString();
        }
        if (c == '\'') {
            return literalString();
        }
        if (c == '[') {
            return array();
        }
        if (c == '{') {
            return inlineTable();
        }
        if (text.startsWith("true", pos)) {
            pos += 4;
            return true;
        }
        if (text.startsWith("false", pos)) {
            pos += 5;
            return false;
        }
        int start = pos;
        while (pos < text.length()
                && "#,]}\r\n".indexOf(text.charAt(pos)) < 0
                && !(text.charAt(pos) == ' ' && !looksLikeDateTimeSpace(start))) {
            pos++;
        }
        String token = text.substring(start, pos).trim();
        return scalar(token);
    }

    private boolean looksLikeDateTimeSpace(int start) {
        // "1979-05-27 07:32:00": a space between a date and a time
        String sofar = text.substring(start, pos);
        return sofar.matches("\\d{4}-\\d{2}-\\d{2}")
                && pos + 1 < text.length()
                && Character.isDigit(text.charAt(pos + 1));
    }

    private static final String DEC = "(?:0|[1-9](?:_?\\d)*)";
    private static final String DIGITS = "\\d(?:_?\\d)*";
    private static final Pattern INTEGER = Pattern.compile("[+-]?" + DEC);
    private static final Pattern FLOAT =
            Pattern.compile("[+-]?" + DEC + "(?:\\." + DIGITS + ")?(?:[eE][+-]?" + DIGITS + ")?");
    private static final Pattern HEX = Pattern.compile("0x[0-9A-Fa-f](?:_?[0-9A-Fa-f])*");
    private static final Pattern OCT = Pattern.compile("0o[0-7](?:_?[0-7])*");
    private static final Pattern BIN = Pattern.compile("0b[01](?:_?[01])*");
    private static final String TIME = "\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?";
    private static final Pattern DATE_TIME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}(?:[Tt ]" + TIME + "(?:[Zz]|[+-]\\d{2}:\\d{2})?)?|" + TIME);

    private Object scalar(String t) {
        String s = t.replace("_", "");
        try {
            if (t.matches("[+-]?(inf|nan)")) {
                return t.endsWith("nan")
                        ? Double.NaN
                        : t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            if (HEX.matcher(t).matches()) {
                return number(new BigInteger(s.substring(2), 16));
            }
            if (OCT.matcher(t).matches()) {
                return number(new BigInteger(s.substring(2), 8));
            }
            if (BIN.matcher(t).matches()) {
                return number(new BigInteger(s.substring(2), 2));
            }
            if (INTEGER.matcher(t).matches()) {
                return number(new BigInteger(s.startsWith("+") ? s.substring(1) : s));
            }
            if (FLOAT.matcher(t).matches()) {
                return Double.parseDouble(s);
            }
            if (DATE_TIME.matcher(t).matches() && validDateTime(t)) {
                return new RawScalar(t, t);
            }
        } catch (NumberFormatException e) {
            throw error("invalid number '" + t + "'");
        }
        throw error("invalid value '" + t + "'");
    }

    /** Month, day, hour, minute and second in range, as TOML's date-times require. */
    private static boolean validDateTime(String t) {
        try {
            if (t.length() >= 10 && t.charAt(4) == '-') {
                LocalDate.parse(t.substring(0, 10));
            }
            int colon = t.indexOf(':');
            if (colon >= 2) {
                String time = t.substring(colon - 2, Math.min(t.length(), colon + 6));
                LocalTime.parse(time);
            }
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static Object number(BigInteger v) {
        return v.bitLength() < 64 ? (Object) v.longValue() : v;
    }

    private int depth;

    private void enter() {
        if (++depth > ParamsFiles.MAX_DEPTH) {
            throw error("values nest more than " + ParamsFiles.MAX_DEPTH + " levels deep");
        }
    }

    private List<Object> array() {
        enter();
        pos++;
        List<Object> list = new ArrayList<>();
        while (true) {
            skipWhitespaceCommentsAndNewlines();
            if (pos >= text.length()) {
                throw error("unterminated array");
            }
            if (text.charAt(pos) == ']') {
                pos++;
                depth--;
                return list;
            }
            list.add(value());
            skipWhitespaceCommentsAndNewlines();
            if (pos < text.length() && text.charAt(pos) == ',') {
                pos++;
            } else if (pos < text.length() && text.charAt(pos) != ']') {
                throw error("expected ',' or ']' in array");
            }
        }
    }

    private Map<String, Object> inlineTable() {
        enter();
        pos++;
        Map<String, Object> table = new LinkedHashMap<>();
        skipSpaces();
        if (pos < text.length() && text.charAt(pos) == '}') {
            pos++;
            depth--;
            return table;
        }
        while (true) {
            List<String> keys = key();
            skipSpaces();
            if (pos >= text.length() || text.charAt(pos) != '=') {
                throw error("expected '=' in inline table");
            }
            pos++;
            skipSpaces();
            put(table, keys, value());
            skipSpaces();
            if (pos < text.length() && text.charAt(pos) == ',') {
                pos++;
                continue;
            }
            if (pos < text.length() && text.charAt(pos) == '}') {
                pos++;
                depth--;
                return table;
            }
            throw error("expected ',' or '}' in inline table");
        }
    }

    private String basicString() {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length() || text.charAt(pos) == '\n') {
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\\') {
                escape(sb);
            } else {
                sb.append(c);
            }
        }
    }

    private void escape(StringBuilder sb) {
        char e = text.charAt(pos++);
        switch (e) {
            case 'b' -> sb.append('\b');
            case 't' -> sb.append('\t');
            case 'n' -> sb.append('\n');
            case 'f' -> sb.append('\f');
            case 'r' -> sb.append('\r');
            case '"' -> sb.append('"');
            case '\\' -> sb.append('\\');
            case 'u' -> unicodeEscape(sb, 4);
            case 'U' -> unicodeEscape(sb, 8);
            default -> throw error("invalid escape '\\" + e + "'");
        }
    }

    /** A \\u or \\U escape: exactly that many hex digits naming a Unicode scalar value. */
    private void unicodeEscape(StringBuilder sb, int digits) {
        String hex = pos + digits <= text.length() ? text.substring(pos, pos + digits) : "";
        if (!hex.matches("[0-9A-Fa-f]{" + digits + "}")) {
            throw error("invalid unicode escape '\\" + (digits == 4 ? "u" : "U") + hex + "'");
        }
        long cp = Long.parseLong(hex, 16);
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            throw error("unicode escape '" + hex + "' is not a Unicode scalar value");
        }
        sb.appendCodePoint((int) cp);
        pos += digits;
    }

    private String literalString() {
        int end = text.indexOf('\'', pos + 1);
        int nl = text.indexOf('\n', pos + 1);
        if (end < 0 || (nl >= 0 && nl < end)) {
            throw error("unterminated literal string");
        }
        String s = text.substring(pos + 1, end);
        pos = end + 1;
        return s;
    }

    private String multilineBasic() {
        pos += 3;
        if (text.startsWith("\n", pos)) {
            pos++;
            line++;
        }
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated multi-line string");
            }
            if (text.startsWith("\"\"\"", pos)) {
                int extra = 0;
                while (extra < 2 && text.startsWith("\"", pos + 3 + extra)) {
                    extra++;
                }
                sb.append("\"".repeat(extra));
                pos += 3 + extra;
                return sb.toString();
            }
            char c = text.charAt(pos++);
            if (c == '\\') {
                if (pos < text.length()
                        && (text.charAt(pos) == '\n' || text.charAt(pos) == ' ' || text.charAt(pos) == '\r')) {
                    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                        if (text.charAt(pos) == '\n') {
                            line++;
                        }
                        pos++;
                    }
                } else {
                    escape(sb);
                }
            } else {
                if (c == '\n') {
                    line++;
                }
                sb.append(c);
            }
        }
    }

    private String multilineLiteral() {
        pos += 3;
        if (text.startsWith("\n", pos)) {
            pos++;
            line++;
        }
        int end = text.indexOf("'''", pos);
        if (end < 0) {
            throw error("unterminated multi-line literal string");
        }
        for (int extra = 0; extra < 2 && text.startsWith("'", end + 3); extra++) {
            end++; // up to two quotes before the closing ones are content
        }
        String s = text.substring(pos, end);
        line += (int) s.chars().filter(ch -> ch == '\n').count();
        pos = end + 3;
        return s;
    }

    private void skipSpaces() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
    }

    private void skipWhitespaceCommentsAndNewlines() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '#') {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                break;
            }
        }
    }

    private void endOfLine() {
        skipSpaces();
        if (pos < text.length() && text.charAt(pos) == '#') {
            while (pos < text.length() && text.charAt(pos) != '\n') {
                pos++;
            }
        }
        if (pos < text.length() && text.charAt(pos) == '\r') {
            pos++;
        }
        if (pos < text.length() && text.charAt(pos) != '\n') {
            throw error("unexpected '" + text.charAt(pos) + "' after a value");
        }
    }
}
