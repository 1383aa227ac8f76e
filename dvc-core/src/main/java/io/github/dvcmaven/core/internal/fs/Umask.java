package io.github.dvcmaven.core.internal.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/** The process umask, read from /proc (Java has no API for it); dvc applies it to modes it sets. */
public final class Umask {
    private static final int VALUE = read();

    private Umask() {}

    public static int get() {
        return VALUE;
    }

    /** 0666 with the umask applied: the mode of a writable workspace file. */
    public static int writableFileMode() {
        return 0666 & ~VALUE;
    }

    private static int read() {
        Path status = Paths.get("/proc/self/status");
        try {
            List<String> lines = Files.readAllLines(status);
            for (String line : lines) {
                if (line.startsWith("Umask:")) {
                    return Integer.parseInt(line.substring(6).trim(), 8);
                }
            }
        } catch (IOException | NumberFormatException | SecurityException e) {
            // fall through to the common default
        }
        return 022;
    }
}
