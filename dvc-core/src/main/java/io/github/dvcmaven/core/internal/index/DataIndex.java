package io.github.dvcmaven.core.internal.index;

import io.github.dvcmaven.core.api.HashInfo;
import io.github.dvcmaven.core.internal.hash.DirManifest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A trie of tracked paths, as dvc-data's {@code DataIndex}: every output with its recorded (or, for the
 * workspace, computed) hash, the files of tracked directories, and plain directory nodes leading to
 * them. A tracked directory's files are loaded from its {@code .dir} manifest the first time they are
 * listed; when the manifest cannot be read, listing fails with {@link UnknownDirectoryException}.
 */
public final class DataIndex {
    /** Reads a directory's manifest; null or an exception when it cannot. */
    @FunctionalInterface
    public interface ManifestLoader {
        DirManifest load(HashInfo dir) throws Exception;
    }

    /** What {@code info} gives for a node: a directory or a file, with its entry (null for a bare directory). */
    public record Info(boolean directory, IndexEntry entry) {}

    /** A tracked directory whose manifest could not be read: its files are not known. */
    public static final class UnknownDirectoryException extends Exception {
        UnknownDirectoryException(String key, Throwable cause) {
            super("failed to load directory " + key, cause);
        }
    }

    private static final class Node {
        IndexEntry entry;
        boolean loaded;
        final TreeSet<String> children = new TreeSet<>();
    }

    private final Map<String, Node> nodes = new HashMap<>();
    private final ManifestLoader loader;

    public DataIndex(ManifestLoader loader) {
        this.loader = loader;
        nodes.put("", new Node());
    }

    /** Adds (or replaces) an entry, creating the nodes that lead to it. */
    public void add(IndexEntry entry) {
        node(entry.key()).entry = entry;
    }

    /** Marks a directory's files as known already (the workspace lists them itself). */
    public void markLoaded(String key) {
        node(key).loaded = true;
    }

    private Node node(String key) {
        Node n = nodes.get(key);
        if (n != null) {
            return n;
        }
        n = new Node();
        nodes.put(key, n);
        int slash = key.lastIndexOf('/');
        node(slash < 0 ? "" : key.substring(0, slash)).children.add(key.substring(slash + 1));
        return n;
    }

    public IndexEntry get(String key) {
        Node n = nodes.get(key);
        return n == null ? null : n.entry;
    }

    /**
     * The node's info; null when the index has no such key. A key inside a tracked directory whose files
     * are not loaded yet loads them first (a directory that cannot be loaded has no such key).
     */
    public Info info(String key) {
        try {
            Node n = find(key);
            return n == null ? null : infoOf(n);
        } catch (UnknownDirectoryException e) {
            return null;
        }
    }

    /** The node of a key, loading the tracked directory it lies in when that was not loaded yet. */
    private Node find(String key) throws UnknownDirectoryException {
        Node n = nodes.get(key);
        for (String prefix = key; n == null && !prefix.isEmpty(); ) {
            int slash = prefix.lastIndexOf('/');
            prefix = slash < 0 ? "" : prefix.substring(0, slash);
            Node p = nodes.get(prefix);
            if (p != null) {
                ensureLoaded(prefix, p);
                return nodes.get(key);
            }
        }
        return n;
    }

    private static Info infoOf(Node n) {
        return new Info(n.entry == null || n.entry.isDirectory(), n.entry);
    }

    /**
     * The children of a node (key → info), loading a tracked directory's manifest; null when there is no
     * such key. Below a tracked directory whose manifest cannot be read, listing fails too (its files
     * are not known).
     */
    public Map<String, Info> ls(String key) throws UnknownDirectoryException {
        Node n = find(key);
        if (n == null) {
            return null;
        }
        ensureLoaded(key, n);
        Map<String, Info> out = new LinkedHashMap<>();
        for (String child : n.children) {
            String childKey = key.isEmpty() ? child : key + "/" + child;
            out.put(childKey, infoOf(nodes.get(childKey)));
        }
        return out;
    }

    private void ensureLoaded(String key, Node n) throws UnknownDirectoryException {
        IndexEntry e = n.entry;
        if (n.loaded
                || e == null
                || !e.isDirectory()
                || e.hash() == null
                || !e.hash().isDir()) {
            return;
        }
        DirManifest manifest;
        try {
            manifest = loader.load(e.hash());
        } catch (Exception ex) {
            throw new UnknownDirectoryException(key, ex);
        }
        if (manifest == null) {
            throw new UnknownDirectoryException(key, null);
        }
        List<String> dirs = new ArrayList<>();
        for (DirManifest.Entry m : manifest.entries()) {
            String childKey = key + "/" + m.relpath();
            add(IndexEntry.file(childKey, new HashInfo(e.hash().name(), m.md5())));
            for (int slash = m.relpath().indexOf('/');
                    slash >= 0;
                    slash = m.relpath().indexOf('/', slash + 1)) {
                dirs.add(key + "/" + m.relpath().substring(0, slash));
            }
        }
        for (String d : dirs) {
            if (get(d) == null) {
                add(IndexEntry.dir(d, null));
            }
        }
        n.loaded = true;
    }
}
