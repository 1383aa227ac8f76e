package io.github.dvcmaven.core.internal.sync;

import io.github.dvcmaven.core.api.CacheCheck;
import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.GcOptions;
import io.github.dvcmaven.core.api.GcResult;
import io.github.dvcmaven.core.api.HashInfo;
import io.github.dvcmaven.core.api.RepoListener.Level;
import io.github.dvcmaven.core.internal.Parallel;
import io.github.dvcmaven.core.internal.event.ProgressTracker;
import io.github.dvcmaven.core.internal.format.DvcFileFormat;
import io.github.dvcmaven.core.internal.format.FormatException;
import io.github.dvcmaven.core.internal.format.LockFileFormat;
import io.github.dvcmaven.core.internal.format.yaml.YamlReader;
import io.github.dvcmaven.core.internal.hash.DirManifest;
import io.github.dvcmaven.core.internal.hash.FileHasher;
import io.github.dvcmaven.core.internal.pipeline.DvcFileStage;
import io.github.dvcmaven.core.internal.pipeline.Output;
import io.github.dvcmaven.core.internal.remote.Remote;
import io.github.dvcmaven.core.internal.remote.Remotes;
import io.github.dvcmaven.core.internal.remote.Transfer;
import io.github.dvcmaven.core.internal.repo.RepoContext;
import io.github.dvcmaven.core.internal.repo.StageIndex;
import io.github.dvcmaven.core.internal.scm.Git;
import io.github.dvcmaven.core.internal.scm.GitRevisions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * {@code gc}: everything the workspace's pointers and locks name is kept, and with the options also what
 * any branch tip, tag or commit names (read from git through JGit, never checked out); every other
 * object in the cache (and, with cloud, on the remote) goes. A directory keeps its files when its
 * manifest can be read; an unreadable manifest keeps nothing alive by itself, as in dvc.
 */
public final class GcOperation {
    private final RepoContext repo;

    public GcOperation(RepoContext repo) {
        this.repo = repo;
    }

    public GcResult run(GcOptions opts) {
        Set<HashInfo> used = usedObjects(opts);
        repo.listener()
                .log(
                        Level.INFO,
                        (opts.force() ? "Removing" : "Dry run: would remove") + " all cache except items" + " used in "
                                + opts.scope() + " of the current repo.");
        List<String> cacheObjects = new ArrayList<>();
        long bytes = 0;
        for (Path object : cachedObjects()) {
            HashInfo h = hashOf(object);
            if (h == null || used.contains(h)) {
                continue;
            }
            cacheObjects.add(repo.cache().root().relativize(object).toString().replace('\\', '/'));
            try {
                bytes += Files.size(object);
                if (opts.force()) {
                    repo.cache().remove(h);
                }
            } catch (IOException e) {
                throw new DvcException("cannot remove " + object + ": " + e.getMessage(), null, e);
            }
        }
        List<String> remoteObjects = opts.cloud() ? cloud(opts, used) : List.of();
        if (opts.force()) {
            int temps = repo.cache().sweepStaleTemps();
            if (temps > 0) {
                repo.listener()
                        .log(
                                Level.INFO,
                                "Removed " + temps + " partial file" + (temps == 1 ? "" : "s")
                                        + " a killed run left in the cache");
            }
        }
        return new GcResult(!opts.force(), cacheObjects, bytes, remoteObjects);
    }

    /**
     * Hashes every cache object afresh (no state database: rot does not change a file's stat) and lists
     * those whose bytes do not match their name; {@code remove} deletes them so a fetch restores them.
     */
    public CacheCheck verify(boolean remove) {
        List<String> corrupt = new CopyOnWriteArrayList<>();
        List<Path> objects = cachedObjects();
        AtomicInteger checked = new AtomicInteger();
        try (ProgressTracker progress =
                new ProgressTracker(repo.listener(), "Verifying the cache", objects.size(), "files")) {
            Parallel.forEach(repo.pool(), objects, object -> {
                HashInfo h = hashOf(object);
                if (h != null) {
                    checked.incrementAndGet();
                    String expected = h.bytesDigest();
                    String actual;
                    try {
                        actual = FileHasher.hash(object, h.bytesAlgorithm());
                    } catch (IOException e) {
                        actual = "unreadable: " + e.getMessage();
                    }
                    if (!expected.equals(actual)) {
                        corrupt.add(repo.cache()
                                .root()
                                .relativize(object)
                                .toString()
                                .replace('\\', '/'));
                        if (remove) {
                            try {
                                repo.cache().remove(h);
                            } catch (IOException e) {
                                throw new DvcException(
                                        "cannot remove the corrupted object " + object + ": " + e.getMessage(),
                                        null,
                                        e);
                            }
                        }
                    }
                }
                progress.advance(1);
            });
        }
        List<String> sorted = new ArrayList<>(corrupt);
        sorted.sort(null);
        return new CacheCheck(checked.get(), sorted, remove);
    }

    /** The hash an object file stands for, or null for anything that is not an object (temp files, runs/). */
    private HashInfo hashOf(Path object) {
        Path rel = repo.cache().root().relativize(object);
        String name = rel.getFileName().toString();
        String prefix = rel.getParent() != null ? rel.getParent().getFileName().toString() : "";
        if (prefix.length() != 2 || name.startsWith(".")) {
            return null;
        }
        boolean modern = rel.getNameCount() == 4 && rel.getName(0).toString().equals("files");
        HashInfo h = new HashInfo(modern ? HashInfo.MD5 : HashInfo.MD5_DOS2UNIX, prefix + name);
        if (!h.isWellFormed()) {
            return null;
        }
        // a legacy (2.x) object and a 3.x object with the same md5 are the same content for "used"
        return modern ? h : HashInfo.md5(h.value());
    }

    private List<Path> cachedObjects() {
        Path root = repo.cache().root();
        List<Path> out = new ArrayList<>();
        for (Path base : List.of(root.resolve("files/md5"), root)) {
            if (!Files.isDirectory(base)) {
                continue;
            }
            try (Stream<Path> prefixes = Files.list(base)) {
                for (Path dir : prefixes.filter(p -> p.getFileName().toString().length() == 2 && Files.isDirectory(p))
                        .toList()) {
                    try (Stream<Path> objects = Files.list(dir)) {
                        objects.filter(Files::isRegularFile).forEach(out::add);
                    }
                }
            } catch (IOException e) {
                throw new DvcException("cannot list the cache " + base + ": " + e.getMessage(), null, e);
            }
        }
        return out;
    }

    private Set<HashInfo> usedObjects(GcOptions opts) {
        Set<HashInfo> roots = new HashSet<>();
        StageIndex index = repo.index();
        for (DataSync.Used u : new DataSync(repo).collectAll(index)) {
            roots.add(u.output().hash());
        }
        if (opts.allBranches() || opts.allTags() || opts.allCommits()) {
            Git git = repo.git()
                    .orElseThrow(() -> new DvcException(
                            "gc of branches, tags or commits needs a git repository",
                            "drop -Ddvc.allBranches/-Ddvc.allTags/-Ddvc.allCommits, or run inside a git work tree"));
            GitRevisions revisions = new GitRevisions(git.repository());
            String dir = git.workTree().relativize(repo.root()).toString().replace('\\', '/');
            Set<RevCommit> commits = revisions.commits(opts.allBranches(), opts.allTags(), opts.allCommits());
            for (RevCommit c : commits) {
                roots.addAll(usedAt(revisions, c, dir));
            }
            repo.listener().log(Level.DEBUG, "gc: kept what " + commits.size() + " git commit(s) use");
        }
        Set<HashInfo> used = new HashSet<>();
        for (HashInfo h : roots) {
            HashInfo plain = h.isLegacy() ? HashInfo.md5(h.value()) : h;
            used.add(plain);
            if (plain.isDir() && repo.cache().exists(plain)) {
                try {
                    DirManifest m = repo.cache().loadDir(plain);
                    for (DirManifest.Entry e : m.entries()) {
                        used.add(HashInfo.md5(e.md5()));
                    }
                } catch (DvcException e) {
                    repo.listener()
                            .log(
                                    Level.WARN,
                                    "gc: cannot read directory object " + plain.value() + ": " + e.getMessage());
                }
            }
        }
        return used;
    }

    /** Hashes the .dvc files and dvc.lock files of one commit name. */
    private Set<HashInfo> usedAt(GitRevisions revisions, RevCommit commit, String dir) {
        Set<HashInfo> out = new HashSet<>();
        Map<String, byte[]> files = revisions.files(
                commit,
                dir,
                p -> !p.startsWith(".dvc/") && (p.endsWith(".dvc") || p.equals("dvc.lock") || p.endsWith("/dvc.lock")));
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            String text = new String(f.getValue(), StandardCharsets.UTF_8);
            String source = f.getKey() + " at " + commit.getName().substring(0, 7);
            try {
                if (f.getKey().endsWith(".dvc")) {
                    DvcFileStage stage = DvcFileFormat.read(YamlReader.parse(text, source), f.getKey());
                    for (Output o : stage.outs()) {
                        if (o.hash() != null && o.cache()) {
                            out.add(o.hash());
                        }
                    }
                } else {
                    LockFileFormat.LockFile lock = LockFileFormat.read(YamlReader.parse(text, source), f.getKey());
                    for (LockFileFormat.LockEntry e : lock.stages().values()) {
                        for (LockFileFormat.LockItem item : e.outs()) {
                            if (item.hash() != null) {
                                out.add(item.hash());
                            }
                        }
                    }
                }
            } catch (FormatException e) {
                // an old commit's broken file cannot name anything to keep; say so and go on
                repo.listener().log(Level.WARN, "gc: skipping " + source + ": " + e.getMessage());
            }
        }
        return out;
    }

    private List<String> cloud(GcOptions opts, Set<HashInfo> used) {
        Map<String, Object> remoteOpts = repo.remoteOptions(opts.remote());
        List<String> unused = new ArrayList<>();
        try (Remote remote =
                Remotes.open(remoteOpts, repo.options().env(), repo.options().proxies())) {
            Set<String> keep = new HashSet<>();
            for (HashInfo h : used) {
                keep.add(Transfer.key(h));
            }
            for (String key : new TreeSet<>(remote.list("files/md5/"))) {
                if (!keep.contains(key)) {
                    unused.add(key);
                    if (opts.force()) {
                        remote.delete(key);
                    }
                }
            }
        } catch (IOException e) {
            throw new DvcException(
                    "gc on remote '" + remoteOpts.get("name") + "' failed: " + Remotes.redact(e.getMessage()), null, e);
        }
        return unused;
    }
}
