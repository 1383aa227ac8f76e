package io.github.dvcmaven.core.internal.fs;

import io.github.dvcmaven.core.api.DvcException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps checkout's writes inside the workspace: a directory is written into only when its real path
 * (symlinks resolved) is under the workspace's, so a symlinked directory that leads elsewhere, planted
 * or left behind, is refused rather than written through. Checks are remembered per directory.
 */
public final class WorkspaceBounds {
    private final Path root;
    private final Path realRoot;
    private final Set<Path> inside = ConcurrentHashMap.newKeySet();

    public WorkspaceBounds(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            this.realRoot = this.root.toRealPath();
        } catch (IOException e) {
            throw new DvcException("cannot resolve the workspace " + root + ": " + e.getMessage(), null, e);
        }
    }

    /**
     * Creates the directory (and missing parents) after checking that its nearest existing ancestor is
     * really inside the workspace.
     */
    public void createDirectories(Path dir) throws IOException {
        requireInside(dir);
        Files.createDirectories(dir);
    }

    /** Refuses a directory whose existing part resolves outside the workspace. */
    public void requireInside(Path dir) throws IOException {
        Path d = dir.toAbsolutePath().normalize();
        if (inside.contains(d)) {
            return;
        }
        if (!d.startsWith(root)) {
            throw new DvcException("refusing to write to " + d + ": it is outside the workspace " + root);
        }
        Path existing = d;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new DvcException("refusing to write to " + d + ": none of its directories exists");
        }
        Path real = existing.toRealPath();
        if (!real.startsWith(realRoot)) {
            Path link = firstLink(existing);
            throw new DvcException(
                    "refusing to write to " + d + ": " + root.relativize(link == null ? existing : link)
                            + " is a symlink to " + real + ", outside the workspace",
                    "replace the link with a real directory (rm '" + (link == null ? existing : link)
                            + "'), then run the goal again");
        }
        if (existing.equals(d)) {
            inside.add(d);
        }
    }

    private Path firstLink(Path p) {
        Path rel = root.relativize(p);
        Path cur = root;
        for (Path part : rel) {
            cur = cur.resolve(part);
            if (Files.isSymbolicLink(cur)) {
                return cur;
            }
        }
        return null;
    }
}
