package io.github.dvcmaven.core.internal.workspace;

import io.github.dvcmaven.core.api.CheckoutResult;
import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.HashInfo;
import io.github.dvcmaven.core.api.MissingCacheException;
import io.github.dvcmaven.core.api.UnsavedChangesException;
import io.github.dvcmaven.core.internal.Parallel;
import io.github.dvcmaven.core.internal.cache.LinkType;
import io.github.dvcmaven.core.internal.cache.ObjectStore;
import io.github.dvcmaven.core.internal.event.ProgressTracker;
import io.github.dvcmaven.core.internal.fs.FileStat;
import io.github.dvcmaven.core.internal.fs.FileTrees;
import io.github.dvcmaven.core.internal.fs.StaleTemps;
import io.github.dvcmaven.core.internal.fs.WorkspaceBounds;
import io.github.dvcmaven.core.internal.hash.ContentHasher;
import io.github.dvcmaven.core.internal.hash.DirManifest;
import io.github.dvcmaven.core.internal.pipeline.Output;
import io.github.dvcmaven.core.internal.pipeline.Stage;
import io.github.dvcmaven.core.internal.repo.RepoContext;
import io.github.dvcmaven.core.internal.repo.StageIndex;
import io.github.dvcmaven.core.internal.repo.TargetResolver;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Makes the workspace match the pointers: links each output from the cache, for directories file by
 * file (only what differs). Everything is planned before anything changes, so content that exists
 * nowhere else stops the whole checkout unless forced, and a missing object leaves its output alone.
 */
public final class CheckoutOperation {
    private final RepoContext repo;
    private final ObjectStore store;
    private final WorkspaceBounds bounds;

    public CheckoutOperation(RepoContext repo) {
        this.repo = repo;
        this.store = repo.cache();
        this.bounds = new WorkspaceBounds(repo.root());
    }

    /** One output's planned work. */
    private static final class Plan {
        final Output output;
        final Path path;
        boolean existed;
        boolean removeWhole;
        final List<String> removeMembers = new ArrayList<>();
        final Map<String, HashInfo> linkMembers = new HashMap<>();
        HashInfo linkFile;
        boolean missing;
        /** Members the workspace had before (a relinked or replaced one is modified, a new one added). */
        final Set<String> existingMembers = new HashSet<>();

        Plan(Output output, Path path) {
            this.output = output;
            this.path = path;
        }

        boolean changes() {
            return removeWhole || linkFile != null || !removeMembers.isEmpty() || !linkMembers.isEmpty();
        }
    }

    public CheckoutResult run(List<String> targets, boolean force, boolean relink) {
        return run(targets, force, relink, Map.of());
    }

    /**
     * Checks out the targets' outputs, taking the hash of those whose pointer records none from {@code
     * known} (imports a pull fetched from their source).
     */
    public CheckoutResult run(List<String> targets, boolean force, boolean relink, Map<String, Output> known) {
        StageIndex index = repo.index();
        List<Output> outputs = new ArrayList<>();
        TargetResolver resolver = new TargetResolver(repo, index);
        for (Map.Entry<Stage, List<Output>> e : resolver.resolve(targets).entrySet()) {
            for (Output o : e.getValue()) {
                Output recorded = index.recorded(e.getKey(), o);
                outputs.add(recorded.hash() == null ? known.getOrDefault(recorded.repoPath(), recorded) : recorded);
            }
        }
        return checkout(outputs, resolver.innerPaths(targets), force, relink);
    }

    private static boolean inScope(Set<String> only, String relpath) {
        if (only == null) {
            return true;
        }
        for (String p : only) {
            if (relpath.equals(p) || relpath.startsWith(p + "/")) {
                return true;
            }
        }
        return false;
    }

    public CheckoutResult checkout(List<Output> outputs, boolean force, boolean relink) {
        return checkout(outputs, Map.of(), force, relink);
    }

    /**
     * @param innerPaths output path → the paths inside it that a granular checkout restores (absent: all
     *     of it)
     */
    private CheckoutResult checkout(
            List<Output> outputs, Map<String, Set<String>> innerPaths, boolean force, boolean relink) {
        List<Plan> plans = new ArrayList<>();
        List<String> unsaved = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        Set<Path> swept = new HashSet<>();
        for (Output o : outputs) {
            if (o.hash() == null || !o.cache()) {
                continue;
            }
            if (!o.isDirHash()) {
                // a killed checkout's temps beside the file would otherwise look like unsaved work
                Path parent = repo.root().resolve(o.repoPath()).getParent();
                if (swept.add(parent)) {
                    StaleTemps.sweep(parent, Duration.ZERO);
                }
            }
            Plan plan = o.isDirHash()
                    ? planDir(o, innerPaths.get(o.repoPath()), force, relink, unsaved)
                    : planFile(o, force, relink, unsaved);
            if (plan.missing) {
                failed.add(repo.display(o.repoPath()));
            }
            plans.add(plan);
        }
        if (!unsaved.isEmpty()) {
            throw new UnsavedChangesException(unsaved);
        }
        List<String> added = new ArrayList<>();
        List<String> modified = new ArrayList<>();
        int[] files = new int[3]; // modified, added, deleted, as dvc counts them for its summary
        long total = plans.stream()
                .mapToLong(p -> p.linkMembers.size() + (p.linkFile != null ? 1 : 0))
                .sum();
        try (ProgressTracker progress = new ProgressTracker(repo.listener(), "Checking out", total, "files")) {
            for (Plan p : plans) {
                if (!p.changes()) {
                    continue;
                }
                apply(p, progress);
                if (p.linkFile != null) {
                    files[p.existed ? 0 : 1]++;
                }
                for (String member : p.linkMembers.keySet()) {
                    files[p.existingMembers.contains(member) ? 0 : 1]++;
                }
                files[2] += p.removeMembers.size();
                String shown = repo.display(p.output.repoPath()) + (p.output.isDirHash() ? File.separator : "");
                (p.existed ? modified : added).add(shown);
            }
        }
        CheckoutResult result =
                new CheckoutResult(added, modified, List.of(), failed, files[0], files[1], files[2], 0, false);
        if (!failed.isEmpty()) {
            throw new MissingCacheException(failed, result);
        }
        return result;
    }

    /** Restores outputs that are not cached (metrics, plots) as plain copies, as dvc does from its run-cache. */
    public void checkoutCopies(List<Output> outputs) {
        for (Output o : outputs) {
            Path path = repo.root().resolve(o.repoPath());
            try {
                FileTrees.deleteRecursively(path);
                bounds.createDirectories(path.getParent());
                store.link(o.hash(), path, List.of(LinkType.COPY), o.meta().isexec());
            } catch (IOException e) {
                throw new DvcException(
                        "cannot restore '" + repo.display(o.repoPath()) + "': " + e.getMessage(), null, e);
            }
        }
    }

    private Plan planFile(Output o, boolean force, boolean relink, List<String> unsaved) {
        Path path = repo.root().resolve(o.repoPath());
        Plan plan = new Plan(o, path);
        if (!store.isValid(o.hash())) {
            plan.missing = true;
            return plan;
        }
        plan.existed = Files.exists(path, LinkOption.NOFOLLOW_LINKS);
        if (plan.existed) {
            if (Files.isDirectory(path)) {
                ContentHasher.TreeHash tree = repo.hasher().hashDir(path, o.repoPath(), HashInfo.MD5);
                if (!force && !savedTree(tree)) {
                    unsaved.add(repo.display(o.repoPath()));
                }
                plan.removeWhole = true;
            } else if (Files.exists(path)) {
                HashInfo current =
                        repo.hasher().hashFile(path, o.hashAlgorithm()).hash();
                if (current.value().equals(o.hash().value()) && !relink) {
                    return plan;
                }
                if (!force && !current.value().equals(o.hash().value()) && !store.exists(current)) {
                    unsaved.add(repo.display(o.repoPath()));
                }
            }
        }
        plan.linkFile = o.hash();
        return plan;
    }

    private Plan planDir(Output o, Set<String> only, boolean force, boolean relink, List<String> unsaved) {
        Path path = repo.root().resolve(o.repoPath());
        Plan plan = new Plan(o, path);
        DirManifest manifest = store.isValid(o.hash()) ? safeLoad(o.hash()) : null;
        if (manifest == null) {
            plan.missing = true;
            return plan;
        }
        plan.existed = Files.exists(path, LinkOption.NOFOLLOW_LINKS);
        Map<String, String> current = new HashMap<>();
        if (only != null && manifest.asMap().keySet().stream().noneMatch(k -> inScope(only, k))) {
            throw new DvcException(
                    "'" + repo.display(o.repoPath() + "/" + only.iterator().next()) + "' is not in the"
                            + " tracked directory '" + repo.display(o.repoPath()) + "'",
                    "name a file or directory it tracks");
        }
        if (plan.existed && !Files.isDirectory(path)) {
            HashInfo h = repo.hasher().hashFile(path, HashInfo.MD5).hash();
            if (!force && !store.exists(h)) {
                unsaved.add(repo.display(o.repoPath()));
            }
            plan.removeWhole = true;
        } else if (plan.existed) {
            ContentHasher.TreeHash tree = repo.hasher().hashDir(path, o.repoPath(), o.hashAlgorithm());
            if (tree.hash().equals(o.hash()) && !relink) {
                return plan;
            }
            for (ContentHasher.Member m : tree.members()) {
                if (inScope(only, m.relpath())) {
                    current.put(m.relpath(), m.md5());
                    plan.existingMembers.add(m.relpath());
                }
            }
        }
        Map<String, String> wanted = new LinkedHashMap<>(manifest.asMap());
        wanted.keySet().removeIf(k -> !inScope(only, k));
        dropKilledCheckoutTemps(path, current, wanted);
        for (Map.Entry<String, String> e : current.entrySet()) {
            String want = wanted.get(e.getKey());
            if (want == null || !want.equals(e.getValue())) {
                if (!force && !store.exists(new HashInfo(o.hashAlgorithm(), e.getValue()))) {
                    unsaved.add(repo.display(o.repoPath() + "/" + e.getKey()));
                }
                if (want == null) {
                    plan.removeMembers.add(e.getKey());
                }
            }
        }
        for (Map.Entry<String, String> e : wanted.entrySet()) {
            String have = current.get(e.getKey());
            if (relink || have == null || !have.equals(e.getValue())) {
                HashInfo h = new HashInfo(o.hash().name(), e.getValue());
                if (store.isValid(h)) {
                    plan.linkMembers.put(e.getKey(), h);
                } else {
                    plan.missing = true;
                }
            }
        }
        if (!plan.existed) {
            try {
                bounds.createDirectories(path);
            } catch (IOException e) {
                throw new DvcException(
                        "cannot create directory '" + repo.display(o.repoPath()) + "': " + e.getMessage(), null, e);
            }
        }
        return plan;
    }

    /**
     * A checkout killed midway leaves its temp files among a directory's members; under the repository
     * lock only a dead checkout can have written them, so they go rather than count as unsaved changes.
     */
    private void dropKilledCheckoutTemps(Path dir, Map<String, String> current, Map<String, String> wanted) {
        Iterator<String> it = current.keySet().iterator();
        while (it.hasNext()) {
            String rel = it.next();
            String name = rel.substring(rel.lastIndexOf('/') + 1);
            if (!wanted.containsKey(rel) && StaleTemps.isTempName(name)) {
                Path parent = dir.resolve(rel).getParent();
                if (StaleTemps.sweep(parent, Duration.ZERO) > 0 || !Files.exists(dir.resolve(rel))) {
                    it.remove();
                }
            }
        }
    }

    private DirManifest safeLoad(HashInfo hash) {
        try {
            return store.loadDir(hash);
        } catch (DvcException e) {
            return null;
        }
    }

    private boolean savedTree(ContentHasher.TreeHash tree) {
        for (ContentHasher.Member m : tree.members()) {
            if (!store.exists(HashInfo.md5(m.md5()))) {
                return false;
            }
        }
        return true;
    }

    private void apply(Plan p, ProgressTracker progress) {
        List<LinkType> types = repo.linkTypes();
        try {
            if (p.removeWhole) {
                FileTrees.deleteRecursively(p.path);
            }
            if (p.linkFile != null) {
                bounds.createDirectories(p.path.getParent());
                LinkType used =
                        store.link(p.linkFile, p.path, types, p.output.meta().isexec());
                remember(p.path, p.linkFile, used);
                progress.advance(1);
                return;
            }
            for (String rel : p.removeMembers) {
                Files.deleteIfExists(p.path.resolve(rel));
            }
            bounds.createDirectories(p.path);
        } catch (IOException e) {
            throw new DvcException(
                    "checkout of '" + repo.display(p.output.repoPath()) + "' failed: " + e.getMessage(), null, e);
        }
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<Map.Entry<String, HashInfo>> links = new ArrayList<>(p.linkMembers.entrySet());
        Collections.sort(links, Map.Entry.comparingByKey());
        // each directory is made once, by the first of its files (the others wait for it)
        Map<Path, Boolean> madeDirs = new ConcurrentHashMap<>();
        madeDirs.put(p.path, true);
        Parallel.forEach(repo.pool(), links, e -> {
            Path target = p.path.resolve(e.getKey());
            try {
                madeDirs.computeIfAbsent(target.getParent(), this::createDirectories);
                if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                    FileTrees.deleteRecursively(target);
                }
                LinkType used = store.link(e.getValue(), target, types, false);
                remember(target, e.getValue(), used);
            } catch (IOException | RuntimeException ex) {
                Throwable why = ex instanceof UncheckedIOException u ? u.getCause() : ex;
                failure.compareAndSet(
                        null, new DvcException("checkout of '" + target + "' failed: " + why.getMessage()));
            }
            progress.advance(1);
        });
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private Boolean createDirectories(Path dir) {
        try {
            bounds.createDirectories(dir);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file we just wrote from a verified object: its hash is known, no need to read it again. */
    private void remember(Path file, HashInfo hash, LinkType used) {
        if (used == LinkType.SYMLINK) {
            return;
        }
        try {
            repo.state().putTrusted(FileStat.of(file), hash.name(), hash.value());
        } catch (IOException ignored) {
            // only an optimisation
        }
    }
}
