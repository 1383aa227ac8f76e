package io.github.dvcmaven.core.internal.fs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.ignore.IgnoreNode;

/**
 * dvc's ignore rules: gitignore syntax in {@code .dvcignore} files at any depth (deeper files win),
 * plus the built-in {@code .git}, {@code .hg}, {@code .dvc} and nested dvc repositories. The rules that
 * apply in a directory are computed once and reused for all its entries.
 */
public final class DvcIgnore {
    public static final String FILE_NAME = ".dvcignore";

    private final Path root;
    private final ConcurrentHashMap<String, Optional<IgnoreNode>> nodes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, DirRules> rules = new ConcurrentHashMap<>();

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
            if (isIgnoredEntry(parent, parts[i], !last || isDirectory)) {
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
        return rulesFor(parent).isIgnored(name, isDirectory);
    }

    /** The rules in force inside a directory (posix relpath from the root, "" for the root). */
    public DirRules rulesFor(String dir) {
        DirRules r = rules.get(dir);
        if (r == null) {
            r = rules.computeIfAbsent(dir, this::buildRules);
        }
        return r;
    }

    private DirRules buildRules(String dir) {
        List<IgnoreNode> chain = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        String d = dir;
        while (true) {
            Optional<IgnoreNode> node = node(d);
            if (node.isPresent() && !node.get().getRules().isEmpty()) {
                chain.add(node.get());
                prefixes.add(d);
            }
            if (d.isEmpty()) {
                break;
            }
            int slash = d.lastIndexOf('/');
            d = slash < 0 ? "" : d.substring(0, slash);
        }
        return new DirRules(dir, chain, prefixes);
    }

    /** The .dvcignore files that apply in one directory, deepest first. */
    public final class DirRules {
        private final String dir;
        private final List<IgnoreNode> chain;
        private final List<String> prefixes;

        DirRules(String dir, List<IgnoreNode> chain, List<String> prefixes) {
            this.dir = dir;
            this.chain = chain;
            this.prefixes = prefixes;
        }

        public boolean isIgnored(String name, boolean isDirectory) {
            if (isDirectory && (name.equals(".git") || name.equals(".hg") || name.equals(".dvc"))) {
                return true;
            }
            if (!isDirectory && name.equals(".git")) {
                return true;
            }
            String rel = dir.isEmpty() ? name : dir + "/" + name;
            if (isDirectory && Files.isDirectory(root.resolve(rel).resolve(".dvc"))) {
                return true;
            }
            for (int i = 0; i < chain.size(); i++) {
                String prefix = prefixes.get(i);
                String local = prefix.isEmpty() ? rel : rel.substring(prefix.length() + 1);
                Boolean ignored = chain.get(i).checkIgnored(local, isDirectory);
                if (ignored != null) {
                    return ignored;
                }
            }
            return false;
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
