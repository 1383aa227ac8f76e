package io.github.dvcmaven.core.internal.status;

import io.github.dvcmaven.core.api.DataChange;
import io.github.dvcmaven.core.api.DataStatus;
import io.github.dvcmaven.core.api.DataStatusOptions;
import io.github.dvcmaven.core.api.HashInfo;
import io.github.dvcmaven.core.internal.fs.DvcIgnore;
import io.github.dvcmaven.core.internal.fs.RepoPaths;
import io.github.dvcmaven.core.internal.index.DataIndex;
import io.github.dvcmaven.core.internal.index.IndexChange;
import io.github.dvcmaven.core.internal.index.IndexDiff;
import io.github.dvcmaven.core.internal.index.IndexEntry;
import io.github.dvcmaven.core.internal.pipeline.Output;
import io.github.dvcmaven.core.internal.remote.Remotes;
import io.github.dvcmaven.core.internal.repo.RepoContext;
import io.github.dvcmaven.core.internal.repo.StageIndex;
import io.github.dvcmaven.core.internal.revision.RevisionSnapshot;
import io.github.dvcmaven.core.internal.scm.Git;
import io.github.dvcmaven.core.internal.sync.DataSync;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * {@code dvc data status}: the stage files against the workspace (uncommitted, and what the cache
 * lacks), HEAD's stage files against the current ones (committed), optionally what the remote lacks and
 * git's untracked files; a tracked directory as a whole unless granular.
 */
public final class DataStatusOperation {
    private final RepoContext repo;

    public DataStatusOperation(RepoContext repo) {
        this.repo = repo;
    }

    public DataStatus run(DataStatusOptions opts) {
        List<String> filterKeys =
                prune(opts.targets().stream().map(repo::toRepoPath).toList());
        Predicate<String> view = key -> filterKeys.isEmpty()
                || filterKeys.stream().anyMatch(fk -> RepoPaths.isWithin(key, fk) || RepoPaths.isWithin(fk, key));
        IndexDiff.Options diffOpts = new IndexDiff.Options(true, true, true, true, !opts.granular(), List.of(), view);
        StageIndex current = repo.index();
        DataIndex committedNow = DataIndexes.committed(repo, current);
        List<String> notInCache = new ArrayList<>();
        List<DataChange> uncommitted = changes(
                IndexDiff.diff(committedNow, DataIndexes.workspace(repo, current), diffOpts), filterKeys, notInCache);
        Set<String> unchanged = new HashSet<>(popUnchanged(uncommitted));

        Optional<Git> git = repo.git();
        List<DataChange> committed = new ArrayList<>();
        if (git.isPresent()) {
            DataIndex head = git.get().hasCommits() ? headIndex() : new DataIndex(repo.cache()::loadDir);
            committed = changes(IndexDiff.diff(head, DataIndexes.committed(repo, current), diffOpts), filterKeys, null);
            unchanged.retainAll(popUnchanged(committed));
        }
        List<String> notInRemote = opts.notInRemote() ? notInRemote(current, opts, filterKeys) : List.of();
        Git.Status gitStatus =
                git.map(g -> g.status(opts.untrackedFiles())).orElse(new Git.Status(false, false, List.of()));
        List<String> untracked = untracked(git, gitStatus.untracked(), opts.targets());
        return new DataStatus(
                notInCache,
                notInRemote,
                committed,
                uncommitted,
                untracked,
                opts.unchanged() ? List.copyOf(unchanged) : List.<String>of(),
                git.isPresent() && !git.get().hasCommits(),
                gitStatus.dirty());
    }

    private DataIndex headIndex() {
        try (RevisionSnapshot head = RevisionSnapshot.of(repo, "HEAD")) {
            StageIndex index = StageIndex.load(head.root(), new DvcIgnore(head.root()), repo.config());
            return DataIndexes.committed(repo, index);
        }
    }

    /** Targets without the ones another target contains. */
    private static List<String> prune(List<String> keys) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(keys));
        sorted.sort(Comparator.comparingInt(k -> k.isEmpty() ? 0 : k.split("/").length));
        List<String> out = new ArrayList<>();
        for (String k : sorted) {
            if (out.stream().noneMatch(p -> RepoPaths.isWithin(k, p))) {
                out.add(k);
            }
        }
        return out;
    }

    /** Removes the unchanged entries from the changes, returning their paths. */
    private static List<String> popUnchanged(List<DataChange> changes) {
        List<String> paths = changes.stream()
                .filter(c -> c.kind() == DataChange.Kind.UNCHANGED)
                .map(DataChange::path)
                .toList();
        changes.removeIf(c -> c.kind() == DataChange.Kind.UNCHANGED);
        return paths;
    }

    private List<DataChange> changes(List<IndexChange> changes, List<String> filterKeys, List<String> notInCache) {
        List<DataChange> out = new ArrayList<>();
        for (IndexChange c : changes) {
            IndexChange.Type typ = c.type();
            String key = typ == IndexChange.Type.RENAME ? c.neu().key() : c.key();
            if (!filterKeys.isEmpty() && filterKeys.stream().noneMatch(fk -> RepoPaths.isWithin(key, fk))) {
                continue;
            }
            if (typ == IndexChange.Type.UNCHANGED
                    && (c.old() == null || c.old().hash() == null)
                    && (c.neu() == null || c.neu().hash() == null)) {
                continue;
            }
            if (typ == IndexChange.Type.UNKNOWN && c.neu() == null) {
                continue;
            }
            if (notInCache != null
                    && c.old() != null
                    && c.old().hash() != null
                    && !DataIndexes.inCache(repo, c.old())) {
                notInCache.add(c.old().displayPath());
            }
            if (typ == IndexChange.Type.RENAME) {
                out.add(DataChange.renamed(c.old().displayPath(), c.neu().displayPath(), hash(c.old())));
            } else if (typ == IndexChange.Type.MODIFY) {
                out.add(DataChange.modified(path(c), hash(c.old()), hash(c.neu())));
            } else {
                out.add(DataChange.of(kind(typ), path(c), hash(typ == IndexChange.Type.ADD ? c.neu() : c.old())));
            }
        }
        return out;
    }

    private static String hash(IndexEntry e) {
        return e == null || e.hash() == null ? null : e.hash().value();
    }

    private static DataChange.Kind kind(IndexChange.Type t) {
        return switch (t) {
            case ADD -> DataChange.Kind.ADDED;
            case DELETE -> DataChange.Kind.DELETED;
            case UNKNOWN -> DataChange.Kind.UNKNOWN;
            default -> DataChange.Kind.UNCHANGED;
        };
    }

    /** The path dvc shows: a directory (as the new side, else the old side says) with a trailing separator. */
    private static String path(IndexChange c) {
        boolean isdir = (c.neu() != null && c.neu().isdir() != null)
                ? c.neu().isDirectory()
                : (c.old() != null && c.old().isDirectory());
        return isdir ? c.key() + "/" : c.key();
    }

    /** Pushable entries (a tracked directory whole unless granular) whose object the remote lacks. */
    private List<String> notInRemote(StageIndex index, DataStatusOptions opts, List<String> filterKeys) {
        Map<String, Output> outs = DataIndexes.cachedOutputs(index);
        DataIndex data = DataIndexes.committed(repo, index);
        Map<String, String> remoteOf = new LinkedHashMap<>();
        String fallback = opts.remote() != null ? opts.remote() : Remotes.defaultName(repo.config());
        for (Output o : outs.values()) {
            if (o.push()
                    && (opts.remote() == null
                            || o.remote() == null
                            || o.remote().equals(opts.remote()))) {
                remoteOf.put(o.repoPath(), o.remote() != null ? o.remote() : fallback);
            }
        }
        Map<String, Map<String, IndexEntry>> byRemote = new LinkedHashMap<>();
        Deque<String> todo = new ArrayDeque<>(List.of(""));
        while (!todo.isEmpty()) {
            String key = todo.poll();
            DataIndex.Info info = data.info(key);
            IndexEntry e = info == null ? null : info.entry();
            boolean descend = info != null && info.directory() && (opts.granular() || e == null || e.hash() == null);
            if (descend) {
                try {
                    Map<String, DataIndex.Info> children = data.ls(key);
                    if (children != null) {
                        todo.addAll(children.keySet());
                    }
                } catch (DataIndex.UnknownDirectoryException unknown) {
                    // its files are not known here: only the directory's own object is checked
                }
            }
            if (e == null
                    || e.hash() == null
                    || (!filterKeys.isEmpty() && filterKeys.stream().noneMatch(fk -> RepoPaths.isWithin(key, fk)))) {
                continue;
            }
            String remote = remoteFor(key, remoteOf);
            if (remote != null) {
                byRemote.computeIfAbsent(remote, r -> new LinkedHashMap<>()).put(key, e);
            }
        }
        List<String> missing = new ArrayList<>();
        DataSync sync = new DataSync(repo);
        for (Map.Entry<String, Map<String, IndexEntry>> r : byRemote.entrySet()) {
            Set<HashInfo> hashes = new HashSet<>();
            r.getValue().values().forEach(e -> hashes.add(e.hash()));
            Set<HashInfo> there = sync.onRemote(r.getKey(), hashes);
            r.getValue().values().stream()
                    .filter(e -> !there.contains(e.hash()))
                    .forEach(e -> missing.add(e.displayPath()));
        }
        return missing;
    }

    /** The remote of the output a key is (or lies in); null when the output is not pushed. */
    private static String remoteFor(String key, Map<String, String> remoteOf) {
        for (String k = key; ; k = RepoPaths.parent(k)) {
            if (remoteOf.containsKey(k)) {
                return remoteOf.get(k);
            }
            if (k.isEmpty()) {
                return null;
            }
        }
    }

    /** git's untracked files, relative to the cwd, those within the targets. */
    private List<String> untracked(Optional<Git> git, List<String> files, List<String> targets) {
        if (git.isEmpty() || files.isEmpty()) {
            return List.of();
        }
        List<String> targetsFromGit = targets.stream()
                .map(t -> git.get()
                        .workTree()
                        .relativize(repo.options().cwd().resolve(t).normalize())
                        .toString())
                .toList();
        List<String> out = new ArrayList<>();
        String dvcRoot = git.get().workTree().relativize(repo.root()).toString();
        for (String f : files) {
            if (!targetsFromGit.isEmpty()
                    && targetsFromGit.stream().noneMatch(t -> f.equals(t) || f.startsWith(t + "/"))) {
                continue;
            }
            if (!dvcRoot.isEmpty() && !f.startsWith(dvcRoot + "/")) {
                continue;
            }
            out.add(repo.display(dvcRoot.isEmpty() ? f : f.substring(dvcRoot.length() + 1)));
        }
        return out;
    }
}
