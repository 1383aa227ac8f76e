package io.github.dvcmaven.core.testing;

import io.github.dvcmaven.core.internal.fs.Modes;
import io.github.dvcmaven.core.internal.hash.FileHasher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A comparable picture of a directory tree: relpath → type, mode and content digest. */
public final class TreeSnapshot {
    private TreeSnapshot() {}

    public static Map<String, String> of(Path root) {
        Map<String, String> out = new TreeMap<>();
        if (!Files.exists(root)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.forEach(p -> {
                if (p.equals(root)) {
                    return;
                }
                String rel = root.relativize(p).toString();
                try {
                    if (Files.isSymbolicLink(p)) {
                        out.put(rel, "link");
                    } else if (Files.isDirectory(p)) {
                        out.put(rel, "dir");
                    } else {
                        String mode = Integer.toOctalString(Modes.mode(p));
                        out.put(rel, "file " + mode + " " + FileHasher.hash(p, "md5"));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public static String read(Path p) {
        try {
            return Files.exists(p, LinkOption.NOFOLLOW_LINKS) ? Files.readString(p) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
