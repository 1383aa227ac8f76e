package io.github.dvcmaven.core.internal.format.params;

import io.github.dvcmaven.core.internal.format.FormatException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parameters from a Python file, as dvc reads them (ast, literals only): module-level
 * {@code NAME = literal} and {@code NAME: type = literal}, classes as nested maps, and
 * {@code self.name = literal} inside {@code __init__}. Assignments of anything else are skipped.
 */
public final class PyParamsParser {
    private final List<String> lines;
    private final String source;

    private PyParamsParser(String text, String source) {
        this.lines = List.of(text.replace("\r\n", "\n").split("\n", -1));
        this.source = source;
    }

    public static Map<String, Object> parse(String text, String source) {
        PyParamsParser p = new PyParamsParser(text, source);
        return p.block(0, lines(p).size(), 0, false);
    }

    private static List<String> lines(PyParamsParser p) {
        return p.lines;
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static boolean blank(String line) {
        String t = line.strip();
        return t.isEmpty() || t.startsWith("#");
    }

    /** Statements between [from, to) indented exactly {@code level}; {@code selfOnly} inside __init__. */
    private Map<String, Object> block(int from, int to, int level, boolean selfOnly) {
        Map<String, Object> result = new LinkedHashMap<>();
        int i = from;
        while (i < to) {
            String line = lines.get(i);
            if (blank(line) || indent(line) != level) {
                i++;
                continue;
            }
            String stmt = line.strip();
            int end = statementEnd(i, to);
            if (stmt.startsWith("class ") || (stmt.startsWith("def __init__") && !selfOnly)) {
                int bodyStart = i + 1;
                int bodyEnd = bodyStart;
                int bodyLevel = -1;
                while (bodyEnd < to) {
                    String b = lines.get(bodyEnd);
                    if (!blank(b)) {
                        if (indent(b) <= level) {
                            break;
                        }
                        if (bodyLevel < 0) {
                            bodyLevel = indent(b);
                        }
                    }
                    bodyEnd++;
                }
                if (bodyLevel > 0) {
                    if (stmt.startsWith("class ")) {
                        String name = stmt.substring(6).split("[(:\\s]")[0];
                        result.put(name, block(bodyStart, bodyEnd, bodyLevel, false));
                    } else {
                        result.putAll(block(bodyStart, bodyEnd, bodyLevel, true));
                    }
                }
                i = bodyEnd;
                continue;
            }
            StringBuilder text = new StringBuilder();
            for (int k = i; k < end; k++) {
                text.append(lines.get(k)).append('\n');
            }
            assignment(text.toString().strip(), selfOnly, result, i + 1);
            i = end;
        }
        return result;
    }

    /** The line after a statement that may continue over lines inside brackets or triple quotes. */
    private int statementEnd(int start, int to) {
        int depth = 0;
        int i = start;
        String quote = null;
        while (i < to) {
            String line = lines.get(i);
            for (int c = 0; c < line.length(); c++) {
                char ch = line.charAt(c);
                if (quote != null) {
                    if (ch == '\\') {
                        c++;
                    } else if (line.startsWith(quote, c)) {
                        c += quote.length() - 1;
                        quote = null;
                    }
                    continue;
                }
                if (ch == '#') {
                    break;
                }
                if (line.startsWith("\"\"\"", c) || line.startsWith("'''", c)) {
                    quote = line.substring(c, c + 3);
                    c += 2;
                } else if (ch == '"' || ch == '\'') {
                    quote = String.valueOf(ch);
                } else if ("([{".indexOf(ch) >= 0) {
                    depth++;
                } else if (")]}".indexOf(ch) >= 0) {
                    depth--;
                }
            }
            if (quote != null && quote.length() == 1) {
                quote = null;
            }
            i++;
            if (depth <= 0 && quote == null && !line.stripTrailing().endsWith("\\")) {
                return i;
            }
        }
        return to;
    }

    private void assignment(String stmt, boolean selfOnly, Map<String, Object> result, int lineNo) {
        int eq = topLevelEquals(stmt);
        if (eq < 0) {
            return;
        }
        String target = stmt.substring(0, eq).strip();
        int colon = target.indexOf(':');
        if (colon >= 0) {
            target = target.substring(0, colon).strip();
        }
        String name;
        if (selfOnly) {
            if (!target.startsWith("self.")) {
                return;
            }
            name = target.substring(5);
        } else {
            name = target;
        }
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return;
        }
        try {
            Literal lit = new Literal(stmt.substring(eq + 1));
            Object value = lit.expression();
            lit.skipSpace();
            if (lit.pos < lit.s.length()) {
                return; // not a pure literal: dvc skips it
            }
            result.put(name, value);
        } catch (IllegalArgumentException e) {
            // a call, a name, an expression: not a literal, skipped like dvc does
        } catch (StringIndexOutOfBoundsException e) {
            throw new FormatException(source, lineNo, "cannot parse Python literal", e);
        } catch (TooDeep e) {
            throw new FormatException(
                    source, lineNo, "values nest more than " + ParamsFiles.MAX_DEPTH + " levels deep", e);
        }
    }

    private static int topLevelEquals(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("([{".indexOf(c) >= 0) {
                depth++;
            } else if (")]}".indexOf(c) >= 0) {
                depth--;
            } else if (c == '"' || c == '\'') {
                return -1;
            } else if (c == '='
                    && depth == 0
                    && (i + 1 >= s.length() || s.charAt(i + 1) != '=')
                    && (i == 0 || "!<>=".indexOf(s.charAt(i - 1)) < 0)) {
                return i;
            }
        }
        return -1;
    }

    /** ast.literal_eval over one expression. */
    /** Containers nested deeper than any walk of them could follow. */
    private static final class TooDeep extends RuntimeException {
        TooDeep() {
            super(null, null, false, false);
        }
    }

    /** Python's numeric literals: underscores only between digits, no leading zeros in decimal integers. */
    private static final Pattern PY_NUMBER =
            Pattern.compile("0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|0(?:_?0)*|[1-9](?:_?\\d)*"
                    + "|(?:\\d(?:_?\\d)*)?\\.\\d(?:_?\\d)*(?:[eE][+-]?\\d(?:_?\\d)*)?"
                    + "|\\d(?:_?\\d)*\\.(?:[eE][+-]?\\d(?:_?\\d)*)?"
                    + "|\\d(?:_?\\d)*[eE][+-]?\\d(?:_?\\d)*");

    private static final class Literal {
        final String s;
        int pos;

        Literal(String s) {
            this.s = s;
        }

        void skipSpace() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\\') {
                    pos++;
                } else if (c == '#') {
                    while (pos < s.length() && s.charAt(pos) != '\n') {
                        pos++;
                    }
                } else {
                    break;
                }
            }
        }

        int depth;

        Object expression() {
            if (++depth > ParamsFiles.MAX_DEPTH) {
                throw new TooDeep();
            }
            try {
                return expressionAtDepth();
            } finally {
                depth--;
            }
        }

        private Object expressionAtDepth() {
            skipSpace();
            Object v = atom();
            skipSpace();
            // implicit string concatenation and unary sign handled in atom
            while (v instanceof String str && pos < s.length() && isStringStart()) {
                v = str + atom();
                skipSpace();
            }
            if (pos < s.length() && s.charAt(pos) == ',' && !insideContainer) {
                List<Object> tuple = new ArrayList<>();
                tuple.add(v);
                insideContainer = true; // the elements are this tuple's, not tuples of their own
                try {
                    while (pos < s.length() && s.charAt(pos) == ',') {
                        pos++;
                        skipSpace();
                        if (pos >= s.length()) {
                            break;
                        }
                        tuple.add(expression());
                        skipSpace();
                    }
                } finally {
                    insideContainer = false;
                }
                return tuple;
            }
            return v;
        }

        boolean insideContainer;

        boolean isStringStart() {
            char c = s.charAt(pos);
            if (c == '"' || c == '\'') {
                return true;
            }
            return (c == 'r' || c == 'R' || c == 'u' || c == 'U')
                    && pos + 1 < s.length()
                    && (s.charAt(pos + 1) == '"' || s.charAt(pos + 1) == '\'');
        }

        Object atom() {
            skipSpace();
            if (pos >= s.length()) {
                throw new IllegalArgumentException("empty");
            }
            char c = s.charAt(pos);
            if (isStringStart()) {
                return string();
            }
            if (c == '[' || c == '(' || c == '{') {
                return container(c);
            }
            if (c == '-' || c == '+') {
                pos++;
                Object v = atom();
                if (c == '+') {
                    return v;
                }
                if (v instanceof Long l) {
                    return -l;
                }
                if (v instanceof BigInteger b) {
                    return b.negate();
                }
                if (v instanceof Double d) {
                    return -d;
                }
                throw new IllegalArgumentException("bad operand");
            }
            int start = pos;
            while (pos < s.length()
                    && (Character.isLetterOrDigit(s.charAt(pos))
                            || s.charAt(pos) == '_'
                            || s.charAt(pos) == '.'
                            || ((s.charAt(pos) == '+' || s.charAt(pos) == '-')
                                    && pos > start
                                    && (s.charAt(pos - 1) == 'e' || s.charAt(pos - 1) == 'E')
                                    && Character.isDigit(s.charAt(start))))) {
                pos++;
            }
            String tok = s.substring(start, pos);
            switch (tok) {
                case "True":
                    return true;
                case "False":
                    return false;
                case "None":
                    return null;
                default:
                    break;
            }
            if (!PY_NUMBER.matcher(tok).matches()) {
                throw new IllegalArgumentException("not a literal: " + tok); // a name (_1, NaN, inf) or a syntax error
            }
            String n = tok.replace("_", "");
            try {
                if (n.startsWith("0x") || n.startsWith("0X")) {
                    return num(new BigInteger(n.substring(2), 16));
                }
                if (n.startsWith("0o") || n.startsWith("0O")) {
                    return num(new BigInteger(n.substring(2), 8));
                }
                if (n.startsWith("0b") || n.startsWith("0B")) {
                    return num(new BigInteger(n.substring(2), 2));
                }
                if (n.matches("\\d+")) {
                    return num(new BigInteger(n));
                }
                return Double.parseDouble(n);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a literal: " + tok);
            }
        }

        static Object num(BigInteger v) {
            return v.bitLength() < 64 ? (Object) v.longValue() : v;
        }

        Object container(char open) {
            char close = open == '[' ? ']' : open == '(' ? ')' : '}';
            pos++;
            boolean saved = insideContainer;
            insideContainer = true;
            List<Object> items = new ArrayList<>();
            Map<Object, Object> map = null;
            boolean sawComma = false;
            while (true) {
                skipSpace();
                if (pos >= s.length()) {
                    throw new IllegalArgumentException("unterminated");
                }
                if (s.charAt(pos) == close) {
                    pos++;
                    break;
                }
                Object key = expression();
                skipSpace();
                if (open == '{' && pos < s.length() && s.charAt(pos) == ':') {
                    pos++;
                    if (map == null) {
                        map = new LinkedHashMap<>();
                    }
                    map.put(key, expression());
                } else {
                    items.add(key);
                }
                skipSpace();
                if (pos < s.length() && s.charAt(pos) == ',') {
                    sawComma = true;
                    pos++;
                }
            }
            insideContainer = saved;
            if (map != null) {
                return map;
            }
            if (open == '{' && items.isEmpty()) {
                return new LinkedHashMap<>();
            }
            if (open == '(' && items.size() == 1 && !sawComma) {
                return items.get(0);
            }
            return items;
        }

        String string() {
            boolean raw = false;
            char c = s.charAt(pos);
            if (c != '"' && c != '\'') {
                raw = c == 'r' || c == 'R';
                pos++;
            }
            char q = s.charAt(pos);
            boolean triple = s.startsWith(String.valueOf(q).repeat(3), pos);
            String end = triple ? String.valueOf(q).repeat(3) : String.valueOf(q);
            pos += end.length();
            StringBuilder sb = new StringBuilder();
            while (!s.startsWith(end, pos)) {
                char ch = s.charAt(pos++);
                if (ch == '\\' && !raw) {
                    char e = s.charAt(pos++);
                    switch (e) {
                        case 'n' -> sb.append('\n');
                        case 't' -> sb.append('\t');
                        case 'r' -> sb.append('\r');
                        case '0' -> sb.append('\0');
                        case '\n' -> {}
                        case 'x' -> {
                            sb.append((char) Integer.parseInt(s.substring(pos, pos + 2), 16));
                            pos += 2;
                        }
                        case 'u' -> {
                            sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                            pos += 4;
                        }
                        default -> sb.append(e);
                    }
                } else {
                    sb.append(ch);
                }
            }
            pos += end.length();
            return sb.toString();
        }
    }
}
