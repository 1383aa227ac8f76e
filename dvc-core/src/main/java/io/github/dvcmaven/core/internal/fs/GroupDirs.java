package io.github.dvcmaven.core.internal.fs;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/** Directories as dvc's {@code shared = group} makes them: mode 2775 (setgid, group-writable), whatever the umask. */
public final class GroupDirs {
    public static final int DIR_MODE = 02775;
    public static final int FILE_MODE = 0664;

    private GroupDirs() {}

    /** Creates the directory and its missing parents; those it creates get {@link #DIR_MODE} when {@code shared}. */
    public static void create(Path dir, boolean shared) throws IOException {
        if (!shared) {
            Files.createDirectories(dir);
            return;
        }
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = dir; p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.push(p);
        }
        for (Path p : missing) {
            createDirectory(p, true);
        }
    }

    /** Creates one directory, {@link #DIR_MODE} when {@code shared}; false when it exists already (or another process made it just now). */
    public static boolean createDirectory(Path dir, boolean shared) throws IOException {
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException raced) {
            return false;
        }
        if (shared) {
            Files.setAttribute(dir, "unix:mode", DIR_MODE);
        }
        return true;
    }
}
