package io.github.dvcmaven.core.internal.scm;

import io.github.dvcmaven.core.internal.fs.AtomicWrite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code .gitignore} upkeep exactly as dvc does it: one {@code /name} line (with {@code \ [ ] ! * # ?}
 * escaped) in the output's own directory, a newline inserted first if the file lacks a final one; on
 * removal, lines equal to the entry go and an emptied file is deleted.
 */
public final class GitIgnoreFile {
    public static final String NAME = ".gitignore";

    private GitIgnoreFile() {}

    public static String entryFor(Path output) {
        return "/" + output.getFileName().toString();
    }

    static String escape(String entry) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < entry.length(); i++) {
            char c = entry.charAt(i);
            if ("\\[]!*#?".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** Appends the entry for {@code output}; returns the .gitignore that changed, or null. */
    public static Path add(Path output) throws IOException {
        Path gitignore = output.getParent().resolve(NAME);
        String entry = escape(entryFor(output));
        byte[] existing = Files.exists(gitignore) ? Files.readAllBytes(gitignore) : new byte[0];
        String text = new String(existing, StandardCharsets.UTF_8);
        for (String line : text.split("\n", -1)) {
            if (line.equals(entry)) {
                return null;
            }
        }
        String prefix = existing.length == 0 || existing[existing.length - 1] == '\n' ? "" : "\n";
        AtomicWrite.write(gitignore, (text + prefix + entry + "\n").getBytes(StandardCharsets.UTF_8));
        return gitignore;
    }

    /** Removes the entry for {@code output}; returns the .gitignore that changed (or was deleted), or null. */
    public static Path remove(Path output) throws IOException {
        Path gitignore = output.getParent().resolve(NAME);
        if (!Files.exists(gitignore)) {
            return null;
        }
        String entry = entryFor(output).strip();
        String text = Files.readString(gitignore, StandardCharsets.UTF_8);
        List<String> kept = new ArrayList<>();
        boolean changed = false;
        for (String line : splitKeepingEnds(text)) {
            if (line.strip().equals(entry)) {
                changed = true;
            } else {
                kept.add(line);
            }
        }
        if (kept.isEmpty()) {
            Files.delete(gitignore);
            return gitignore;
        }
        if (!changed) {
            return null;
        }
        AtomicWrite.write(gitignore, String.join("", kept).getBytes(StandardCharsets.UTF_8));
        return gitignore;
    }

    private static List<String> splitKeepingEnds(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }
}
