package io.github.dvcmaven.core.internal.format.yaml;

import io.github.dvcmaven.core.internal.py.PyFloat;
import io.github.dvcmaven.core.internal.py.RawScalar;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;

/**
 * Emits YAML exactly as dvc does (ruamel.yaml round-trip dumper, {@code default_flow_style=False}):
 * block style, 2-space map indent, sequences not indented under their key, width-80 folding, YAML 1.2
 * quoting rules, Python float repr, empty value for null, {@code []}/{@code {}} for empty collections.
 * This class is the only place that knows those rules; golden tests compare it with the real dumper.
 */
public final class YamlWriter {
    private static final int BEST_WIDTH = 80;
    private static final int INDENT_STEP = 2;
    private static final int MAX_SIMPLE_KEY_LENGTH = 128;
    private static final String SPACES_AND_BREAKS = "\0 \t\r\n\u0085\u2028\u2029";
    private static final String BREAKS = "\n\u0085\u2028\u2029";

    private final StringBuilder out = new StringBuilder();
    private int column;
    private boolean whitespace = true;
    private boolean indention = true;
    private boolean noNewline;
    private Integer indent;
    /** ruamel's indent stack: the indent before each increase, and whether the new level is a sequence. */
    private final Deque<Level> indents = new ArrayDeque<>();

    private record Level(Integer indent, boolean sequence) {}

    private YamlWriter() {}

    /** Dumps a document whose root is a map or a list. */
    public static String dump(Object root) {
        YamlWriter w = new YamlWriter();
        w.node(root, true, false, false, false);
        w.writeIndent();
        return w.out.toString();
    }

    // ---------------------------------------------------------------- nodes

    private void node(Object value, boolean root, boolean sequence, boolean mapping, boolean simpleKey) {
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                flowEmpty("{", "}");
            } else {
                blockMapping(map);
            }
        } else if (value instanceof Collection<?> list) {
            if (list.isEmpty()) {
                flowEmpty("[", "]");
            } else {
                blockSequence(list, mapping);
            }
        } else {
            scalar(Scalar.of(value, root), sequence, simpleKey);
        }
    }

    private void blockSequence(Collection<?> items, boolean mappingContext) {
        boolean indentless = mappingContext && !indention;
        increaseIndent(false, true, indentless);
        if (seqSeq()) {
            indention = true;
            noNewline = false;
        }
        for (Object item : items) {
            boolean keepLine = column == 0 && noNewline;
            writeIndent();
            writeIndicator("-", true, false, true);
            if (keepLine) {
                noNewline = true;
            }
            node(item, false, true, false, false);
        }
        indent = popIndent();
        noNewline = false;
    }

    private void blockMapping(Map<?, ?> map) {
        // compact: a mapping right after "- " starts on that line
        increaseIndent(false, false, false);
        for (Map.Entry<?, ?> e : map.entrySet()) {
            writeIndent();
            Scalar key = Scalar.of(e.getKey(), false);
            if (isSimpleKey(key)) {
                scalar(key, false, true);
                writeIndicator(":", false, false, false);
            } else {
                writeIndicator("?", true, false, true);
                scalar(key, false, false);
                writeIndent();
                writeIndicator(":", true, false, true);
            }
            node(e.getValue(), false, false, true, false);
        }
        indent = popIndent();
    }

    private void flowEmpty(String open, String close) {
        int align = seqFlowAlign();
        increaseIndent(true, open.equals("["), false);
        writeIndicator(" ".repeat(align) + open, true, true, false);
        indent = popIndent();
        writeIndicator(close, false, false, false);
        writeLineBreak();
    }

    /** ruamel's extra spaces before a flow collection that directly follows a dash. */
    private int seqFlowAlign() {
        Level last = indents.peekLast();
        if (indents.size() < 2 || last == null || !last.sequence()) {
            return 0;
        }
        int base = last.indent() == null ? 0 : last.indent();
        return Math.max(0, base + INDENT_STEP - column - 1);
    }

    /** ruamel counts the key's prepared tag ({@code !!str}, {@code !!int}, ...) into the 128-character limit. */
    private boolean isSimpleKey(Scalar key) {
        int length = key.text.codePointCount(0, key.text.length()) + key.tag.length();
        return length < MAX_SIMPLE_KEY_LENGTH && !key.analysis().multiline;
    }

    // ---------------------------------------------------------------- scalars

    private void scalar(Scalar s, boolean sequenceContext, boolean simpleKey) {
        increaseIndent(true, false, false);
        Analysis a = s.analysis();
        char style = chooseStyle(s, a, simpleKey);
        boolean split = !simpleKey;
        if (sequenceContext) {
            writeIndent();
        }
        switch (style) {
            case '"' -> writeDoubleQuoted(s.text, split);
            case '\'' -> writeSingleQuoted(s.text, split);
            default -> writePlain(s.text, split);
        }
        indent = popIndent();
    }

    private static char chooseStyle(Scalar s, Analysis a, boolean simpleKey) {
        if (s.implicit) {
            boolean plainAllowed = !(simpleKey && (a.empty || a.multiline)) && a.allowBlockPlain;
            if (plainAllowed) {
                return 'p';
            }
        }
        if (a.allowDoubleQuoted && (s.text.indexOf('\'') >= 0 || s.text.indexOf('\n') >= 0)) {
            return '"';
        }
        if (a.allowSingleQuoted && !(simpleKey && a.multiline)) {
            return '\'';
        }
        return '"';
    }

    /** A scalar's text and whether writing it plain would read back as the same type. */
    @SuppressWarnings("ArrayRecordComponent") // a one-slot memo of the analysis, private to the writer
    private record Scalar(String text, boolean implicit, String tag, Analysis[] cache) {
        Scalar(String text, boolean implicit, String tag) {
            this(text, implicit, tag, new Analysis[1]);
        }

        static Scalar of(Object value, boolean root) {
            if (value == null) {
                return new Scalar(root ? "null" : "", true, "!!null");
            }
            if (value instanceof String str) {
                return new Scalar(str, Yaml12.resolve(str) == Yaml12.Kind.STR, "!!str");
            }
            if (value instanceof Boolean b) {
                return new Scalar(b ? "true" : "false", true, "!!bool");
            }
            if (value instanceof Double || value instanceof Float) {
                return new Scalar(floatText(((Number) value).doubleValue()), true, "!!float");
            }
            if (value instanceof BigDecimal bd) {
                return new Scalar(floatText(bd.doubleValue()), true, "!!float");
            }
            if (value instanceof Integer
                    || value instanceof Long
                    || value instanceof Short
                    || value instanceof Byte
                    || value instanceof BigInteger) {
                return new Scalar(value.toString(), true, "!!int");
            }
            if (value instanceof RawScalar raw) {
                String tag = switch (Yaml12.resolve(raw.text())) {
                    case FLOAT -> "!!float";
                    case INT -> "!!int";
                    case TIMESTAMP -> "!!timestamp";
                    default -> "!!str";
                };
                return new Scalar(raw.text(), true, tag);
            }
            throw new IllegalArgumentException(
                    "cannot write " + value.getClass().getName() + " as YAML");
        }

        Analysis analysis() {
            if (cache[0] == null) {
                cache[0] = Analysis.of(text);
            }
            return cache[0];
        }
    }

    private static String floatText(double d) {
        if (Double.isNaN(d)) {
            return ".nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? ".inf" : "-.inf";
        }
        return PyFloat.repr(d);
    }

    /** Which styles a string allows (ruamel's analyze_scalar, block context only). */
    private record Analysis(
            boolean empty,
            boolean multiline,
            boolean allowBlockPlain,
            boolean allowSingleQuoted,
            boolean allowDoubleQuoted) {
        static Analysis of(String s) {
            if (s.isEmpty()) {
                return new Analysis(true, false, true, true, true);
            }
            boolean blockIndicators = s.startsWith("---") || s.startsWith("...");
            boolean lineBreaks = false;
            boolean special = false;
            boolean leadingSpace = false;
            boolean leadingBreak = false;
            boolean trailingSpace = false;
            boolean trailingBreak = false;
            boolean breakSpace = false;
            boolean spaceBreak = false;
            boolean previousSpace = false;
            boolean previousBreak = false;
            int[] cps = s.codePoints().toArray();
            boolean precededByWhitespace = true;
            boolean followedByWhitespace = cps.length == 1 || isWs(cps[1]);
            for (int i = 0; i < cps.length; i++) {
                int ch = cps[i];
                if (i == 0) {
                    if ("#,[]{}&*!|>'\"%@`".indexOf(ch) >= 0) {
                        blockIndicators = true;
                    }
                    if ((ch == '?' || ch == ':') && followedByWhitespace) {
                        blockIndicators = true;
                    }
                    if (ch == '-' && followedByWhitespace) {
                        blockIndicators = true;
                    }
                } else {
                    if (ch == ':' && followedByWhitespace) {
                        blockIndicators = true;
                    }
                    if (ch == '#' && precededByWhitespace) {
                        blockIndicators = true;
                    }
                }
                boolean isBreak = BREAKS.indexOf(ch) >= 0;
                if (isBreak) {
                    lineBreaks = true;
                }
                if (!(ch == '\n' || (ch >= 0x20 && ch <= 0x7e))) {
                    boolean printable = (ch == 0x85
                                    || (ch >= 0xa0 && ch <= 0xd7ff)
                                    || (ch >= 0xe000 && ch <= 0xfffd)
                                    || (ch >= 0x10000 && ch <= 0x10ffff))
                            && ch != 0xfeff;
                    if (!printable) {
                        special = true;
                    }
                }
                if (ch == ' ') {
                    if (i == 0) {
                        leadingSpace = true;
                    }
                    if (i == cps.length - 1) {
                        trailingSpace = true;
                    }
                    if (previousBreak) {
                        breakSpace = true;
                    }
                    previousSpace = true;
                    previousBreak = false;
                } else if (isBreak) {
                    if (i == 0) {
                        leadingBreak = true;
                    }
                    if (i == cps.length - 1) {
                        trailingBreak = true;
                    }
                    if (previousSpace) {
                        spaceBreak = true;
                    }
                    previousSpace = false;
                    previousBreak = true;
                } else {
                    previousSpace = false;
                    previousBreak = false;
                }
                precededByWhitespace = isWs(ch);
                followedByWhitespace = i + 2 >= cps.length || isWs(cps[i + 2]);
            }
            boolean blockPlain = true;
            boolean single = true;
            if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
                blockPlain = false;
            }
            if (breakSpace) {
                blockPlain = false;
                single = false;
            }
            if (special || spaceBreak) {
                blockPlain = false;
                single = false;
            }
            if (lineBreaks || blockIndicators) {
                blockPlain = false;
            }
            return new Analysis(false, lineBreaks, blockPlain, single, true);
        }

        private static boolean isWs(int ch) {
            return SPACES_AND_BREAKS.indexOf(ch) >= 0;
        }
    }

    // ---------------------------------------------------------------- scalar writers

    private void writePlain(String text, boolean split) {
        if (text.isEmpty()) {
            return;
        }
        if (!whitespace) {
            write(" ");
        }
        whitespace = false;
        indention = false;
        boolean spaces = false;
        boolean breaks = false;
        int start = 0;
        int end = 0;
        while (end <= text.length()) {
            char ch = end < text.length() ? text.charAt(end) : 0;
            boolean atEnd = end == text.length();
            if (spaces) {
                if (atEnd || ch != ' ') {
                    if (start + 1 == end && column >= BEST_WIDTH && split) {
                        writeIndent();
                        whitespace = false;
                        indention = false;
                    } else {
                        write(text.substring(start, end));
                    }
                    start = end;
                }
            } else if (breaks) {
                if (atEnd || BREAKS.indexOf(ch) < 0) {
                    writeBreaks(text, start, end);
                    writeIndent();
                    whitespace = false;
                    indention = false;
                    start = end;
                }
            } else if (atEnd || ch == ' ' || BREAKS.indexOf(ch) >= 0) {
                String word = text.substring(start, end);
                if (word.codePointCount(0, word.length()) + column > BEST_WIDTH && indent != null && column > indent) {
                    writeIndent();
                }
                write(word);
                start = end;
            }
            if (!atEnd) {
                spaces = ch == ' ';
                breaks = BREAKS.indexOf(ch) >= 0;
            }
            end++;
        }
    }

    private void writeSingleQuoted(String text, boolean split) {
        writeIndicator("'", true, false, false);
        boolean spaces = false;
        boolean breaks = false;
        int start = 0;
        int end = 0;
        while (end <= text.length()) {
            boolean atEnd = end == text.length();
            char ch = atEnd ? 0 : text.charAt(end);
            if (spaces) {
                if (atEnd || ch != ' ') {
                    if (start + 1 == end && column > BEST_WIDTH && split && start != 0 && !atEnd) {
                        writeIndent();
                    } else {
                        write(text.substring(start, end));
                    }
                    start = end;
                }
            } else if (breaks) {
                if (atEnd || BREAKS.indexOf(ch) < 0) {
                    writeBreaks(text, start, end);
                    writeIndent();
                    start = end;
                }
            } else if (atEnd || ch == ' ' || BREAKS.indexOf(ch) >= 0 || ch == '\'') {
                if (start < end) {
                    write(text.substring(start, end));
                    start = end;
                }
            }
            if (!atEnd && ch == '\'') {
                write("''");
                start = end + 1;
            }
            if (!atEnd) {
                spaces = ch == ' ';
                breaks = BREAKS.indexOf(ch) >= 0;
            }
            end++;
        }
        writeIndicator("'", false, false, false);
    }

    private void writeBreaks(String text, int start, int end) {
        if (text.charAt(start) == '\n') {
            writeLineBreak();
        }
        for (int i = start; i < end; i++) {
            char br = text.charAt(i);
            if (br == '\n') {
                writeLineBreak();
            } else {
                writeLineBreak(String.valueOf(br));
            }
        }
    }

    private static String escape(int ch) {
        return switch (ch) {
            case 0 -> "\\0";
            case 0x07 -> "\\a";
            case 0x08 -> "\\b";
            case 0x09 -> "\\t";
            case 0x0a -> "\\n";
            case 0x0b -> "\\v";
            case 0x0c -> "\\f";
            case 0x0d -> "\\r";
            case 0x1b -> "\\e";
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case 0x85 -> "\\N";
            case 0xa0 -> "\\_";
            case 0x2028 -> "\\L";
            case 0x2029 -> "\\P";
            default ->
                ch <= 0xff
                        ? String.format("\\x%02X", ch)
                        : ch <= 0xffff ? String.format("\\u%04X", ch) : String.format("\\U%08X", ch);
        };
    }

    private static boolean needsEscape(int ch) {
        if (ch == '"' || ch == '\\' || ch == 0x85 || ch == 0x2028 || ch == 0x2029 || ch == 0xfeff) {
            return true;
        }
        return !((ch >= 0x20 && ch <= 0x7e)
                || (ch >= 0xa0 && ch <= 0xd7ff)
                || (ch >= 0xe000 && ch <= 0xfffd)
                || (ch >= 0x10000 && ch <= 0x10ffff));
    }

    private void writeDoubleQuoted(String str, boolean split) {
        writeIndicator("\"", true, false, false);
        int[] text = str.codePoints().toArray();
        int start = 0;
        int end = 0;
        while (end <= text.length) {
            boolean atEnd = end == text.length;
            int ch = atEnd ? -1 : text[end];
            if (atEnd || needsEscape(ch)) {
                if (start < end) {
                    write(text, start, end);
                    start = end;
                }
                if (!atEnd) {
                    write(escape(ch));
                    start = end + 1;
                }
            }
            if (end > 0
                    && end < text.length - 1
                    && (ch == ' ' || start >= end)
                    && column + (end - start) > BEST_WIDTH
                    && split) {
                boolean needBackslash = needsBackslash(text, start, end);
                String data = (start < end ? new String(text, start, end - start) : "") + (needBackslash ? "\\" : "");
                if (start < end) {
                    start = end;
                }
                write(data);
                writeIndent();
                whitespace = false;
                indention = false;
                if (text[start] == ' ') {
                    if (!needBackslash) {
                        start++;
                    }
                    if (needBackslash) {
                        write("\\");
                    }
                }
            }
            end++;
        }
        writeIndicator("\"", false, false, false);
    }

    /** Whether a folded double-quoted line must end in a backslash to keep the following space. */
    private static boolean needsBackslash(int[] text, int start, int end) {
        int spacePos = indexOf(text, ' ', end, text.length);
        if (spacePos < 0) {
            return true;
        }
        int nl = indexOf(text, '\n', end, spacePos);
        if (nl >= 0) {
            spacePos = nl;
        }
        if (spacePos + 1 >= text.length) {
            return true;
        }
        if (text[spacePos] == '\n' && text[spacePos + 1] != ' ') {
            return true;
        }
        boolean quotes = indexOf(text, '"', end, spacePos) >= 0 || indexOf(text, '\'', end, spacePos) >= 0;
        boolean doubleSpace = end - 1 >= 0 && text[end - 1] == ' ' && text[end] == ' ';
        return quotes || text[spacePos + 1] == ' ' || text[spacePos + 1] == '\n' || doubleSpace || start == end;
    }

    private static int indexOf(int[] text, int ch, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text[i] == ch) {
                return i;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- low-level output

    private void increaseIndent(boolean flow, boolean sequence, boolean indentless) {
        indents.addLast(new Level(indent, sequence));
        if (indent == null) {
            indent = flow ? null : 0;
        } else if (!indentless) {
            indent += INDENT_STEP;
        }
    }

    private Integer popIndent() {
        return indents.removeLast().indent();
    }

    private boolean seqSeq() {
        if (indents.size() < 2) {
            return false;
        }
        Iterator<Level> innermostFirst = indents.descendingIterator();
        Level innermost = innermostFirst.next();
        Level outer = innermostFirst.next();
        return innermost.sequence() && outer.sequence();
    }

    private void writeIndicator(String indicator, boolean needWhitespace, boolean ws, boolean ind) {
        String data = (whitespace || !needWhitespace) ? indicator : " " + indicator;
        whitespace = ws;
        indention = indention && ind;
        out.append(data);
        column += data.length();
    }

    private void writeIndent() {
        int ind = indent == null ? 0 : indent;
        if (!indention || column > ind || (column == ind && !whitespace)) {
            if (noNewline) {
                noNewline = false;
            } else {
                writeLineBreak();
            }
        }
        if (column < ind) {
            whitespace = true;
            out.append(" ".repeat(ind - column));
            column = ind;
        }
    }

    private void writeLineBreak() {
        writeLineBreak("\n");
    }

    private void writeLineBreak(String data) {
        whitespace = true;
        indention = true;
        column = 0;
        out.append(data);
    }

    private void write(String data) {
        out.append(data);
        column += data.codePointCount(0, data.length());
    }

    private void write(int[] cps, int from, int to) {
        out.append(new String(cps, from, to - from));
        column += to - from;
    }
}
