package io.github.dvcmaven.core.internal.config;

import io.github.dvcmaven.core.internal.format.FormatException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The INI dialect of Python's configobj, as dvc reads and writes {@code .dvc/config}: sections in
 * brackets, {@code key = value}, quoted strings, unquoted commas making lists, {@code #} comments.
 * Values are String or List&lt;String&gt;; sections are nested LinkedHashMaps in file order.
 */
public final class ConfigObj {
    private static final Pattern SECTION = Pattern.compile("^(\\s*)((?:\\[\\s*)+)(.*?)((?:\\s*\\])+)\\s*(#.*)?$");
    private static final Pattern KEYWORD =
            Pattern.compile("^(\\s*)((?:\".*?\")|(?:'.*?')|(?:[^'\"=].*?))\\s*=\\s*(.*)$");
    private static final String INDENT = "    ";

    private ConfigObj() {}

    /** Parses configobj text into nested ordered maps. */
    public static Map<String, Object> parse(String text, String source) {
        Map<String, Object> root = new LinkedHashMap<>();
        List<Map<String, Object>> stack = new ArrayList<>();
        stack.add(root);
        String[] lines = text.split("\r\n|\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            int lineNo = i + 1;
            String line = raw.strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher sm = SECTION.matcher(line);
            if (sm.matches()) {
                int depth = count(sm.group(2), '[');
                if (depth != count(sm.group(4), ']')) {
                    throw new FormatException(source, lineNo, "cannot compute the section depth");
                }
                if (depth > stack.size()) {
                    throw new FormatException(source, lineNo, "section too nested");
                }
                String name = unquote(sm.group(3).strip());
                while (stack.size() > depth) {
                    stack.remove(stack.size() - 1);
                }
                Map<String, Object> parent = stack.get(stack.size() - 1);
                if (parent.containsKey(name)) {
                    throw new FormatException(source, lineNo, "duplicate section name '" + name + "'");
                }
                Map<String, Object> section = new LinkedHashMap<>();
                parent.put(name, section);
                stack.add(section);
                continue;
            }
            Matcher km = KEYWORD.matcher(line);
            if (!km.matches()) {
                throw new FormatException(
                        source, lineNo, "invalid line '" + line + "' (neither a [section] nor a key = value)");
            }
            String key = unquote(km.group(2).strip());
            String valueText = km.group(3);
            Object value;
            if (valueText.startsWith("'''") || valueText.startsWith("\"\"\"")) {
                String quote = valueText.substring(0, 3);
                StringBuilder sb = new StringBuilder();
                String rest = valueText.substring(3);
                int end = rest.indexOf(quote);
                int startLine = lineNo;
                while (end < 0) {
                    sb.append(rest).append('\n');
                    i++;
                    if (i >= lines.length) {
                        throw new FormatException(source, startLine, "unterminated triple-quoted value");
                    }
                    rest = lines[i];
                    end = rest.indexOf(quote);
                }
                sb.append(rest, 0, end);
                String after = rest.substring(end + 3).strip();
                if (!after.isEmpty() && !after.startsWith("#")) {
                    throw new FormatException(source, i + 1, "unexpected text after a triple-quoted value");
                }
                value = sb.toString();
            } else {
                value = parseValue(valueText, source, lineNo);
            }
            Map<String, Object> current = stack.get(stack.size() - 1);
            if (current.containsKey(key)) {
                throw new FormatException(source, lineNo, "duplicate keyword name '" + key + "'");
            }
            current.put(key, value);
        }
        return root;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'') && s.charAt(s.length() - 1) == s.charAt(0)) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    /** A value: quoted or bare items, a comma anywhere outside quotes makes it a list; # starts a comment. */
    static Object parseValue(String text, String source, int line) {
        List<String> items = new ArrayList<>();
        boolean sawComma = false;
        int i = 0;
        int n = text.length();
        while (true) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n || text.charAt(i) == '#') {
                break;
            }
            char c = text.charAt(i);
            String item;
            if (c == '"' || c == '\'') {
                int close = text.indexOf(c, i + 1);
                if (close < 0) {
                    throw new FormatException(source, line, "unterminated quote in value '" + text.strip() + "'");
                }
                item = text.substring(i + 1, close);
                i = close + 1;
            } else {
                int start = i;
                while (i < n && text.charAt(i) != ',' && text.charAt(i) != '#') {
                    i++;
                }
                item = text.substring(start, i).strip();
            }
            items.add(item);
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i < n && text.charAt(i) == ',') {
                sawComma = true;
                i++;
                continue;
            }
            if (i < n && text.charAt(i) != '#') {
                throw new FormatException(source, line, "cannot parse value '" + text.strip() + "'");
            }
            break;
        }
        if (!sawComma) {
            return items.isEmpty() ? "" : items.get(0);
        }
        return List.copyOf(items);
    }

    /** Writes nested maps the way configobj does when dvc saves a config: scalars, then sections. */
    public static String write(Map<String, ?> root, String newline) {
        List<String> out = new ArrayList<>();
        writeSection(root, 0, out);
        String text = String.join(newline, out);
        return text.endsWith(newline) ? text : text + newline;
    }

    private static void writeSection(Map<String, ?> section, int depth, List<String> out) {
        String childIndent = INDENT.repeat(depth);
        for (Map.Entry<String, ?> e : section.entrySet()) {
            if (!(e.getValue() instanceof Map)) {
                out.add(childIndent + quote(e.getKey(), false) + " = " + quote(e.getValue(), true));
            }
        }
        for (Map.Entry<String, ?> e : section.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> sub) {
                String brackets = "[".repeat(depth + 1);
                String closing = "]".repeat(depth + 1);
                out.add(childIndent + brackets + quote(e.getKey(), false) + closing);
                @SuppressWarnings("unchecked")
                Map<String, ?> typed = (Map<String, ?>) sub;
                writeSection(typed, depth + 1, out);
            }
        }
    }

    static String quote(Object value, boolean multiline) {
        if (multiline && value instanceof List<?> list) {
            if (list.isEmpty()) {
                return ",";
            }
            if (list.size() == 1) {
                return quote(list.get(0), false) + ",";
            }
            List<String> parts = new ArrayList<>();
            for (Object v : list) {
                parts.add(quote(v, false));
            }
            return String.join(", ", parts);
        }
        String s = stringify(value);
        if (s.isEmpty()) {
            return "\"\"";
        }
        boolean needTriple = multiline && ((s.contains("'") && s.contains("\"")) || s.contains("\n"));
        boolean hashTriple = multiline && !needTriple && s.contains("'") && s.contains("\"") && s.contains("#");
        String quoted;
        if (!needTriple && !hashTriple) {
            if (s.contains("\n")) {
                throw new IllegalArgumentException("Value \"" + s + "\" cannot be safely quoted.");
            }
            String wspacePlus = " \r\n\u000b\t'\"";
            if (wspacePlus.indexOf(s.charAt(0)) < 0
                    && wspacePlus.indexOf(s.charAt(s.length() - 1)) < 0
                    && !s.contains(",")) {
                quoted = s.contains("#") ? singleQuote(s) : s;
            } else {
                quoted = singleQuote(s);
            }
        } else {
            if (s.contains("'''") && s.contains("\"\"\"")) {
                throw new IllegalArgumentException("Value \"" + s + "\" cannot be safely quoted.");
            }
            quoted = s.contains("\"\"\"") ? "\"\"\"" + s + "\"\"\"" : "'''" + s + "'''";
        }
        return quoted;
    }

    private static String singleQuote(String s) {
        if (s.contains("'") && s.contains("\"")) {
            throw new IllegalArgumentException("Value \"" + s + "\" cannot be safely quoted.");
        }
        return s.contains("\"") ? "'" + s + "'" : "\"" + s + "\"";
    }

    private static String stringify(Object value) {
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        return String.valueOf(value);
    }
}
