package io.github.dvcmaven.core.internal.fs;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * The temp files a killed process leaves beside what it was writing: dvc's and ours are a dot, 22
 * url-safe random characters and {@code .tmp} (a local remote's, a dot, a UUID and {@code .tmp}). A
 * temp whose last write is older than the given age, and than this process, is a dead writer's: a live
 * one keeps writing it.
 */
public final class StaleTemps {
    private static final Pattern TEMP = Pattern.compile(
            "\\.([A-Za-z0-9_-]{22}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.tmp");

    /** Temps this process wrote are never stale: a cutoff never reaches past its start. */
    private static final long PROCESS_START = ProcessHandle.current()
                    .info()
                    .startInstant()
                    .map(Instant::toEpochMilli)
                    .orElse(System.currentTimeMillis())
            - 1000;

    private StaleTemps() {}

    public static boolean isTempName(String fileName) {
        return TEMP.matcher(fileName).matches();
    }

    /** Deletes the stale temp files directly in {@code dir}; returns how many. */
    public static int sweep(Path dir, Duration minAge) {
        int removed = 0;
        long cutoff = Math.min(System.currentTimeMillis() - minAge.toMillis(), PROCESS_START);
        try (DirectoryStream<Path> entries =
                Files.newDirectoryStream(dir, p -> isTempName(p.getFileName().toString()))) {
            for (Path p : entries) {
                if (removeIfStale(p, cutoff)) {
                    removed++;
                }
            }
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            // an unreadable directory keeps its temps; the caller's own work reports the problem
        }
        return removed;
    }

    private static boolean removeIfStale(Path p, long cutoff) {
        try {
            if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                    && Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toMillis() <= cutoff) {
                Files.delete(p);
                return true;
            }
        } catch (IOException e) {
            // gone meanwhile, or not ours to delete
        }
        return false;
    }
}
