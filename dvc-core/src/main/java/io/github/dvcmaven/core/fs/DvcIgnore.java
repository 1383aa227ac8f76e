package io.github.dvcmaven.core.fs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.ignore.IgnoreNode;

/**
 * dvc's ignore rules: gitignore syntax in {@code .dvcignore} files at any depth (deeper files win),
 * plus the built-in {@code .git}, {@code .hg}, {@code .dvc} and nested dvc repositories.
 */
public final class DvcIgnore {
    public static final String FILE_NAME = ".dvcignore";

    private final Path root;
    private final ConcurrentHashMap<String, Optional<IgnoreNode>> nodes = new ConcurrentHashMap<>();

    public DvcIgnore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** Whether a path (posix, relative to the repo root) is ignored, itself or through a parent. */
    public boolean isIgnored(String relPath, boolean isDirectory) {
        if (relPath.isEmpty() || relPath.equals(".")) {
            return false;
        }
        String[] parts = relPath.split("/");
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            boolean last = i == parts.length - 1;
            String parent = prefix.toString();
            if (prefix.length() > 0) {
                prefix.append('/');
            }
            prefix.append(parts[i]);
            boolean dir = !last || isDirectory;
            if (isIgnoredEntry(parent, parts[i], dir)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether one entry of an already accepted parent directory is ignored; the walker's fast path.
     * {@code parent} is the posix relpath of the containing directory ("" for the root).
     */
    public boolean isIgnoredEntry(String parent, String name, boolean isDirectory) {
        if (isDirectory && (name.equals(".git") || name.equals(".hg") || name.equals(".dvc"))) {
            return true;
        }
        if (!isDirectory && name.equals(".git")) {
            return true;
        }
        String rel = parent.isEmpty() ? name : parent + "/" + name;
        if (isDirectory && Files.isDirectory(root.resolve(rel).resolve(".dvc"))) {
            return true;
        }
        String dir = parent;
        while (true) {
            Optional<IgnoreNode> node = node(dir);
            if (node.isPresent()) {
                String local = dir.isEmpty() ? rel : rel.substring(dir.length() + 1);
                Boolean ignored = node.get().checkIgnored(local, isDirectory);
                if (ignored != null) {
                    return ignored;
                }
            }
            if (dir.isEmpty()) {
                return false;
            }
            int slash = dir.lastIndexOf('/');
            dir = slash < 0 ? "" : dir.substring(0, slash);
        }
    }

    private Optional<IgnoreNode> node(String dir) {
        return nodes.computeIfAbsent(dir, d -> {
            Path file = (d.isEmpty() ? root : root.resolve(d)).resolve(FILE_NAME);
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            IgnoreNode node = new IgnoreNode();
            try (InputStream in = Files.newInputStream(file)) {
                node.parse(in);
            } catch (IOException e) {
                return Optional.empty();
            }
            return Optional.of(node);
        });
    }
}
