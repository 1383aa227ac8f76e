package io.github.dvcmaven.core.internal.fs;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one way a file is replaced here: written under a temp name beside it, then renamed over it, so a
 * reader sees the old file or the new one and a killed writer leaves only a temp that
 * {@link StaleTemps} recognises (dvc's own temp-name scheme). Modelled on JGit's {@code LockFile}:
 * {@link #begin} reserves the temp, the caller writes (and checks) it, {@link #commit} renames it,
 * {@link #close} removes it when it was not committed.
 */
public final class AtomicWrite implements Closeable {
    private final Path target;
    private final Path temp;
    private boolean committed;

    private AtomicWrite(Path target, Path temp) {
        this.target = target;
        this.temp = temp;
    }

    /** Reserves a temp name beside {@code target}, whose directory must exist. Nothing is created yet. */
    public static AtomicWrite begin(Path target) {
        return new AtomicWrite(target, target.resolveSibling(tempName()));
    }

    /** Where to write the new content. */
    public Path temp() {
        return temp;
    }

    public Path target() {
        return target;
    }

    /** Renames the temp over the target. */
    public void commit() throws IOException {
        rename(temp, target);
        committed = true;
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            Files.deleteIfExists(temp);
        }
    }

    /** Replaces {@code target} (creating its directory) with {@code content}, keeping the old file's mode. */
    public static void write(Path target, byte[] content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        try (AtomicWrite w = begin(absolute)) {
            Files.write(w.temp(), content);
            keepMode(absolute, w.temp());
            w.commit();
        }
    }

    public static void writeString(Path target, String content) throws IOException {
        write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Replaces {@code target} (creating its directory) with what {@code in} holds. */
    public static void copy(InputStream in, Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        try (AtomicWrite w = begin(absolute)) {
            Files.copy(in, w.temp());
            w.commit();
        }
    }

    /** The rename that makes a finished temp the file (a plain replace where the file system has no atomic one). */
    public static void rename(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** dvc's temp names: a dot, 22 url-safe random characters, ".tmp". */
    public static String tempName() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return "." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + ".tmp";
    }

    private static void keepMode(Path target, Path temp) {
        if (Files.exists(target)) {
            try {
                Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
            } catch (UnsupportedOperationException | IOException ignored) {
                // the default mode then
            }
        }
    }
}
