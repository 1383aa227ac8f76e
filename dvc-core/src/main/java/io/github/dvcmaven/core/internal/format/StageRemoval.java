package io.github.dvcmaven.core.internal.format;

import io.github.dvcmaven.core.internal.format.yaml.YamlDocument;
import io.github.dvcmaven.core.internal.format.yaml.YamlReader;
import io.github.dvcmaven.core.internal.format.yaml.YamlWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Removes stages from a dvc.yaml as dvc's round-trip writer does: the stage's lines go with the
 * comments just above it, every other line (comments, formatting, other keys) stays as it was; the
 * file goes when no stage remains. A stages mapping in flow style is rewritten whole instead.
 */
public final class StageRemoval {
    private StageRemoval() {}

    /** The new text, or null when the file should be deleted (no stage left, as dvc deletes it). */
    @SuppressWarnings("unchecked")
    public static String remove(String text, String display, List<String> names) {
        YamlDocument doc = YamlReader.parse(text, display, true);
        if (!(doc.root() instanceof Map<?, ?> root) || !(root.get("stages") instanceof Map<?, ?> stages)) {
            throw new FormatException(display, 0, "has no stages to remove");
        }
        for (String n : names) {
            if (!stages.containsKey(n)) {
                throw new FormatException(display, doc.lineOf(stages), "has no stage '" + n + "'");
            }
        }
        if (names.containsAll(stages.keySet().stream().map(String::valueOf).toList())) {
            return null;
        }
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("(?<=\n)", -1)));
        List<Object> keys = new ArrayList<>(stages.keySet());
        int stagesLine = doc.lineOf(root, "stages");
        boolean block = keys.stream()
                .allMatch(k -> doc.lineOf(stages, k) > stagesLine && startsWithKey(lines, doc.lineOf(stages, k), k));
        if (!block) {
            Map<String, Object> copy = (Map<String, Object>) ApplyDiff.deepCopy(root);
            ((Map<String, Object>) copy.get("stages")).keySet().removeAll(names);
            return YamlWriter.dump(new LinkedHashMap<>(copy));
        }
        boolean[] drop = new boolean[lines.size()];
        for (int i = 0; i < keys.size(); i++) {
            if (!names.contains(String.valueOf(keys.get(i)))) {
                continue;
            }
            int start = doc.lineOf(stages, keys.get(i)) - 1;
            int end = i + 1 < keys.size() ? doc.lineOf(stages, keys.get(i + 1)) - 1 : endOfMapping(lines, start);
            int commentsAfter = skipCommentsBack(lines, end, start + 1);
            if (!followsBlockSequenceItem(lines, commentsAfter)) {
                end = commentsAfter; // comments there belong to the key below
            }
            int commentsAbove = skipCommentsBack(lines, start, 0);
            if (!followsBlockSequenceItem(lines, commentsAbove)) {
                start = commentsAbove; // and these to the stage being removed
            }
            for (int l = start; l < end; l++) {
                drop[l] = true;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int l = 0; l < lines.size(); l++) {
            if (!drop[l]) {
                out.append(lines.get(l));
            }
        }
        return out.toString();
    }

    private static boolean startsWithKey(List<String> lines, int line, Object key) {
        if (line < 1 || line > lines.size()) {
            return false;
        }
        String t = lines.get(line - 1).stripLeading();
        String k = String.valueOf(key);
        return t.startsWith(k + ":") || t.startsWith("\"" + k + "\":") || t.startsWith("'" + k + "':");
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static boolean blankOrComment(String line) {
        String t = line.strip();
        return t.isEmpty() || t.startsWith("#");
    }

    /** The first line after the last stage that is indented no deeper than the stages key: where the mapping ends. */
    private static int endOfMapping(List<String> lines, int stageLine) {
        int stageIndent = indent(lines.get(stageLine));
        for (int l = stageLine + 1; l < lines.size(); l++) {
            if (!blankOrComment(lines.get(l)) && indent(lines.get(l)) < stageIndent) {
                return l;
            }
        }
        return lines.size();
    }

    /**
     * Whether the comment lines starting at {@code line} follow an item of a block sequence: ruamel,
     * dvc's YAML library, attaches such comments to that item (they go with its stage), and others to
     * the key that comes next.
     */
    private static boolean followsBlockSequenceItem(List<String> lines, int line) {
        for (int l = line - 1; l >= 0; l--) {
            String t = lines.get(l).strip();
            if (!t.isEmpty()) {
                return t.startsWith("- ") || t.equals("-");
            }
        }
        return false;
    }

    /** Moves {@code at} up over the comment lines just above it (they belong to the key below), not past {@code floor}. */
    private static int skipCommentsBack(List<String> lines, int at, int floor) {
        int l = at;
        while (l - 1 >= floor && lines.get(l - 1).strip().startsWith("#")) {
            l--;
        }
        return l;
    }
}
