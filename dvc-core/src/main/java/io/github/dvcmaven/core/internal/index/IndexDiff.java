package io.github.dvcmaven.core.internal.index;

import io.github.dvcmaven.core.api.HashInfo;
import io.github.dvcmaven.core.internal.py.PyStrings;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The differences between two data indexes, computed as dvc-data's {@code index.diff} computes them
 * (breadth first from the roots, into every directory either side has; renames paired by hash), so
 * that {@code diff} and {@code data status} report what dvc reports.
 */
public final class IndexDiff {
    /**
     * dvc-data's diff flags. Entries carry no metadata but whether they are directories, which is what
     * dvc diff compares ({@code meta_cmp_key}); data status compares hashes only.
     */
    public record Options(
            boolean withRenames,
            boolean withUnchanged,
            boolean withUnknown,
            boolean hashOnly,
            boolean shallow,
            List<String> roots,
            Predicate<String> view) {
        public Options {
            roots = roots == null || roots.isEmpty() ? List.of("") : List.copyOf(roots);
            view = view == null ? key -> true : view;
        }

        /** Both indexes seen through a view: only keys it accepts exist (dvc's {@code filter_index}). */
        public Options withView(Predicate<String> v) {
            return new Options(withRenames, withUnchanged, withUnknown, hashOnly, shallow, roots, v);
        }
    }

    private IndexDiff() {}

    public static List<IndexChange> diff(DataIndex old, DataIndex neu, Options opts) {
        List<IndexChange> changes = walk(old, neu, opts);
        return opts.withRenames() && old != null && neu != null ? renames(changes) : changes;
    }

    private record Level(Map<String, DataIndex.Info> old, Map<String, DataIndex.Info> neu, boolean unknown) {}

    private static List<IndexChange> walk(DataIndex old, DataIndex neu, Options opts) {
        List<IndexChange> out = new ArrayList<>();
        Deque<Level> todo = new ArrayDeque<>();
        for (String root : opts.roots()) {
            Map<String, DataIndex.Info> o = new LinkedHashMap<>();
            Map<String, DataIndex.Info> n = new LinkedHashMap<>();
            DataIndex.Info oi = old == null || !opts.view().test(root) ? null : old.info(root);
            DataIndex.Info ni = neu == null || !opts.view().test(root) ? null : neu.info(root);
            if (oi != null) {
                o.put(root, oi);
            }
            if (ni != null) {
                n.put(root, ni);
            }
            todo.add(new Level(o, n, false));
        }
        while (!todo.isEmpty()) {
            Level level = todo.poll();
            Set<String> keys = new LinkedHashSet<>(level.old().keySet());
            keys.addAll(level.neu().keySet());
            for (String key : keys) {
                DataIndex.Info oi = level.old().get(key);
                DataIndex.Info ni = level.neu().get(key);
                IndexEntry oe = oi == null ? null : oi.entry();
                IndexEntry ne = ni == null ? null : ni.entry();
                IndexChange.Type typ = entryDiff(oe, ne, opts, level.unknown());
                boolean skipBranch = opts.hashOnly()
                        && !opts.withUnchanged()
                        && !level.unknown()
                        && typ == IndexChange.Type.UNCHANGED
                        && oe != null
                        && oe.hash() != null
                        && oe.hash().isDir();
                if (!skipBranch && ((oi != null && oi.directory()) || (ni != null && ni.directory()))) {
                    Items oc = items(old, key, oe, opts);
                    Items nc = items(neu, key, ne, opts);
                    todo.add(new Level(oc.items(), nc.items(), oc.unknown() || nc.unknown()));
                }
                if (oe == null && ne == null) {
                    continue;
                }
                if (typ == IndexChange.Type.UNCHANGED && !opts.withUnchanged()) {
                    continue;
                }
                out.add(new IndexChange(typ, oe, ne));
            }
        }
        return out;
    }

    private record Items(Map<String, DataIndex.Info> items, boolean unknown) {}

    private static Items items(DataIndex index, String key, IndexEntry entry, Options opts) {
        if (index == null || (opts.shallow() && entry != null && entry.hash() != null)) {
            return new Items(Map.of(), false);
        }
        try {
            Map<String, DataIndex.Info> items = index.ls(key);
            if (items == null) {
                return new Items(Map.of(), false);
            }
            items.keySet().removeIf(k -> !opts.view().test(k));
            return new Items(items, false);
        } catch (DataIndex.UnknownDirectoryException e) {
            return new Items(Map.of(), opts.withUnknown());
        }
    }

    private static IndexChange.Type entryDiff(IndexEntry old, IndexEntry neu, Options opts, boolean unknown) {
        if (unknown) {
            return IndexChange.Type.UNKNOWN;
        }
        HashInfo oh = old == null ? null : old.hash();
        HashInfo nh = neu == null ? null : neu.hash();
        Boolean om = old == null ? null : old.isdir();
        Boolean nm = neu == null ? null : neu.isdir();
        IndexChange.Type metaDiff = metaDiff(om, nm);
        IndexChange.Type hashDiff = oh == null && nh != null
                ? IndexChange.Type.ADD
                : oh != null && nh == null
                        ? IndexChange.Type.DELETE
                        : oh != null && !oh.equals(nh) ? IndexChange.Type.MODIFY : IndexChange.Type.UNCHANGED;
        IndexChange.Type entryDiff = old == null && neu != null
                ? IndexChange.Type.ADD
                : old != null && neu == null ? IndexChange.Type.DELETE : IndexChange.Type.UNCHANGED;
        if (opts.hashOnly()) {
            return hashDiff;
        }
        if (entryDiff != IndexChange.Type.UNCHANGED) {
            return entryDiff;
        }
        if (metaDiff == IndexChange.Type.UNCHANGED && om == null) {
            return hashDiff;
        }
        if (hashDiff == IndexChange.Type.UNCHANGED && oh == null) {
            return metaDiff;
        }
        if (metaDiff == hashDiff && hashDiff == entryDiff) {
            return metaDiff;
        }
        return IndexChange.Type.MODIFY;
    }

    /** Keys compared as dvc compares them: as tuples of path parts, each part by code points. */
    static int compareKeys(String a, String b) {
        String[] pa = a.split("/", -1);
        String[] pb = b.split("/", -1);
        for (int i = 0; i < Math.min(pa.length, pb.length); i++) {
            int c = PyStrings.compareCodePoints(pa[i], pb[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(pa.length, pb.length);
    }

    private static IndexChange.Type metaDiff(Boolean old, Boolean neu) {
        if (old == null && neu != null) {
            return IndexChange.Type.ADD;
        }
        if (old != null && neu == null) {
            return IndexChange.Type.DELETE;
        }
        return Objects.equals(old, neu) ? IndexChange.Type.UNCHANGED : IndexChange.Type.MODIFY;
    }

    /**
     * dvc-data's rename detection: additions and deletions with the same hash pair up, the first deletion
     * (by key) with the first addition; everything else keeps its place, unpaired additions and then the
     * remaining deletions come last.
     */
    private static List<IndexChange> renames(List<IndexChange> changes) {
        List<IndexChange> out = new ArrayList<>();
        List<IndexChange> added = new ArrayList<>();
        List<IndexChange> deleted = new ArrayList<>();
        for (IndexChange c : changes) {
            if (c.type() == IndexChange.Type.ADD) {
                added.add(c);
            } else if (c.type() == IndexChange.Type.DELETE) {
                deleted.add(c);
            } else {
                out.add(c);
            }
        }
        Comparator<IndexChange> byKey = Comparator.comparing(IndexChange::key, IndexDiff::compareKeys);
        added.sort(byKey);
        deleted.sort(byKey);
        Map<HashInfo, Deque<IndexChange>> byHash = new LinkedHashMap<>();
        for (IndexChange d : deleted) {
            byHash.computeIfAbsent(d.old().hash(), k -> new ArrayDeque<>()).addLast(d);
        }
        for (IndexChange a : added) {
            HashInfo h = a.neu().hash();
            Deque<IndexChange> queue = h == null ? null : byHash.get(h);
            if (queue != null && !queue.isEmpty()) {
                out.add(new IndexChange(
                        IndexChange.Type.RENAME, queue.pollFirst().old(), a.neu()));
            } else {
                out.add(a);
            }
        }
        byHash.values().forEach(out::addAll);
        return out;
    }
}
