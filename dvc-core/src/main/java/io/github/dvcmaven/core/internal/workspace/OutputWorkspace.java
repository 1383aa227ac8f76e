package io.github.dvcmaven.core.internal.workspace;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.HashInfo;
import io.github.dvcmaven.core.api.PathState;
import io.github.dvcmaven.core.api.RepoListener;
import io.github.dvcmaven.core.internal.Parallel;
import io.github.dvcmaven.core.internal.cache.LinkType;
import io.github.dvcmaven.core.internal.cache.ObjectStore;
import io.github.dvcmaven.core.internal.event.ProgressTracker;
import io.github.dvcmaven.core.internal.fs.FileBytes;
import io.github.dvcmaven.core.internal.fs.Modes;
import io.github.dvcmaven.core.internal.fs.Umask;
import io.github.dvcmaven.core.internal.hash.ContentHasher;
import io.github.dvcmaven.core.internal.pipeline.Output;
import io.github.dvcmaven.core.internal.repo.RepoContext;
import io.github.dvcmaven.core.internal.repo.ScmContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An output as it is in the workspace and the cache: its status (dvc's "not in cache", "deleted",
 * "modified"), and saving it (hash, copy into the cache verified, .gitignore, relink).
 */
public final class OutputWorkspace {
    private static final long SINGLE_PASS_MIN_BYTES = 4L << 20;

    private final RepoContext repo;

    public OutputWorkspace(RepoContext repo) {
        this.repo = repo;
    }

    public Path path(Output o) {
        return repo.root().resolve(o.repoPath());
    }

    /**
     * dvc's Output.status(): null when unchanged. One deliberate difference: a file edited through a
     * hardlink or symlink into the cache (which corrupts the object) is "modified" here, where dvc
     * says "not in cache" and deletes the object, losing the edit.
     */
    public PathState status(Output o) {
        if (editedThroughLink(o)) {
            return PathState.MODIFIED;
        }
        if (o.isDirHash() && o.cache()) {
            return dirStatus(o);
        }
        if (o.hash() != null && o.cache() && !cacheComplete(o.hash())) {
            return PathState.NOT_IN_CACHE;
        }
        return workspaceStatus(o);
    }

    /**
     * The same answer as for files, in a cheaper order: hash the workspace tree first; when it matches
     * the recorded one its members are the members to look for in the cache, and the .dir object
     * need not be parsed at all.
     */
    private PathState dirStatus(Output o) {
        Path p = path(o);
        boolean present = exists(p) && Files.isDirectory(p) && !repo.ignore().isIgnored(o.repoPath(), true);
        ContentHasher.TreeHash tree = present ? repo.hasher().hashDir(p, o.repoPath(), o.hashAlgorithm()) : null;
        if (tree != null && tree.hash().value().equals(o.hash().value())) {
            if (!repo.cache().isValid(o.hash())) {
                return PathState.NOT_IN_CACHE;
            }
            String cacheState = repo.cache().layoutFingerprint(o.hash());
            if (repo.state().isComplete(o.hash().value(), cacheState)) {
                return null;
            }
            Set<String> md5s = new HashSet<>();
            for (ContentHasher.Member m : tree.members()) {
                md5s.add(m.md5());
            }
            if (!repo.cache().missing(o.hash().name(), md5s).isEmpty()) {
                return PathState.NOT_IN_CACHE;
            }
            repo.state().putComplete(o.hash().value(), cacheState);
            return null;
        }
        if (!cacheComplete(o.hash())) {
            return PathState.NOT_IN_CACHE;
        }
        return tree == null ? PathState.DELETED : PathState.MODIFIED;
    }

    public PathState workspaceStatus(Output o) {
        Path p = path(o);
        if (!exists(p) || repo.ignore().isIgnored(o.repoPath(), Files.isDirectory(p))) {
            return PathState.DELETED;
        }
        HashInfo current = currentHash(o);
        if (o.hash() == null) {
            return PathState.MODIFIED;
        }
        if (!current.value().equals(o.hash().value())) {
            return PathState.MODIFIED;
        }
        return null;
    }

    /** The workspace file is the cache object itself (hardlink/symlink) and was written to. */
    private boolean editedThroughLink(Output o) {
        if (o.hash() == null || !o.cache() || o.isDirHash()) {
            return false;
        }
        Path ws = path(o);
        Path obj = repo.cache().path(o.hash());
        try {
            if (!Files.isRegularFile(ws) || !Files.exists(obj) || !Files.isSameFile(ws, obj)) {
                return false;
            }
            if (Modes.mode(obj) == ObjectStore.PROTECTED_MODE) {
                return false;
            }
            return !repo.hasher()
                    .hashFile(ws, o.hashAlgorithm())
                    .hash()
                    .value()
                    .equals(o.hash().value());
        } catch (IOException e) {
            return false;
        }
    }

    private boolean sharesObject(Output o, Path ws) {
        if (o.hash() == null || o.isDirHash()) {
            return false;
        }
        try {
            Path obj = repo.cache().path(o.hash());
            return Files.exists(obj) && Files.exists(ws) && Files.isSameFile(ws, obj);
        } catch (IOException e) {
            return false;
        }
    }

    static boolean exists(Path p) {
        return Files.exists(p);
    }

    /** The workspace content's hash under the output's algorithm. */
    public HashInfo currentHash(Output o) {
        Path p = path(o);
        String algorithm = o.hashAlgorithm();
        if (Files.isDirectory(p)) {
            return repo.hasher().hashDir(p, o.repoPath(), algorithm).hash();
        }
        return repo.hasher().hashFile(p, algorithm).hash();
    }

    /** The object and, for a directory, its manifest and every member are in the cache, intact. */
    public boolean cacheComplete(HashInfo hash) {
        return repo.cache().isComplete(hash);
    }

    /**
     * Hashes the output and, if it is cached, copies it into the cache (members first, the .dir object
     * last), keeps it git-ignored and relinks it per cache.type. Returns the output with its new hash.
     */
    public Output save(Output o, ScmContext scm, boolean commit) {
        Path p = path(o);
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS) || !Files.exists(p)) {
            throw new DvcException("output '" + repo.display(o.repoPath()) + "' does not exist");
        }
        boolean dir = Files.isDirectory(p);
        if (!dir && !Files.isRegularFile(p)) {
            throw new DvcException("output '" + repo.display(o.repoPath()) + "' is not a file or directory");
        }
        if (repo.ignore().isIgnored(o.repoPath(), dir)) {
            throw new DvcException(
                    "output '" + repo.display(o.repoPath()) + "' is ignored by .dvcignore",
                    "remove the matching pattern from .dvcignore");
        }
        if (o.cache()) {
            scm.ignore(p, dir);
        }
        String algorithm = o.hashAlgorithm();
        ContentHasher.ContentReader reader = contentReader(o.cache() && commit, algorithm);
        Output saved;
        if (dir) {
            ContentHasher.TreeHash tree = repo.hasher().hashDir(p, o.repoPath(), algorithm, reader);
            if (algorithm.equals(HashInfo.MD5_DOS2UNIX) && !tree.hash().equals(o.hash())) {
                tree = repo.hasher().hashDir(p, o.repoPath(), HashInfo.MD5, reader);
            }
            if (tree.manifest().entries().isEmpty()) {
                repo.listener().log(RepoListener.Level.WARN, "'" + repo.display(o.repoPath()) + "' is empty.");
            }
            if (o.cache() && commit) {
                commitTree(tree);
            }
            saved = o.withHash(tree.hash(), tree.meta());
        } else {
            boolean linkedToOldObject = sharesObject(o, p);
            ContentHasher.FileHash file = repo.hasher().hashFile(p, algorithm, reader);
            if (algorithm.equals(HashInfo.MD5_DOS2UNIX) && !file.hash().equals(o.hash())) {
                file = repo.hasher().hashFile(p, HashInfo.MD5, reader);
            }
            if (o.cache() && commit) {
                commitFile(p, file);
                if (linkedToOldObject && !file.hash().equals(o.hash())) {
                    // the old object was overwritten through the link: it must not keep its old name
                    repo.cache().verifyContent(o.hash());
                }
            }
            saved = o.withHash(file.hash(), file.meta());
        }
        return saved;
    }

    /**
     * How a file's content is read on a state miss. On an add, a big file is read once: copied into the
     * cache while hashed (small files are cheaper hashed first and copied straight into their final
     * directory).
     */
    private ContentHasher.ContentReader contentReader(boolean ingest, String algorithm) {
        LinkType first = repo.linkTypes().get(0);
        return ingest && first != LinkType.HARDLINK && !algorithm.equals(HashInfo.MD5_DOS2UNIX)
                ? (f, size, algo, ahead) -> ahead != null || size >= SINGLE_PASS_MIN_BYTES
                        ? repo.cache().addFileHashing(f, algo, first == LinkType.REFLINK, ahead)
                        : repo.cache().addContent(FileBytes.read(f, (int) size), algo)
                : ContentHasher.HASH_ONLY;
    }

    /**
     * Starts reading a big file that is about to be saved as a new output while the caller still reads
     * the repository (see {@link ContentHasher#readAhead}).
     */
    void readAhead(Path file, boolean commit) {
        repo.hasher().readAhead(file, HashInfo.MD5, contentReader(commit, HashInfo.MD5));
    }

    /** Puts an output's current content into the cache without touching the workspace or .gitignore. */
    public void storeCopy(Output o) {
        Path p = path(o);
        try {
            if (o.isDirHash()) {
                ContentHasher.TreeHash tree = repo.hasher().hashDir(p, o.repoPath(), o.hashAlgorithm());
                for (ContentHasher.Member m : tree.members()) {
                    repo.cache().addFile(m.path(), new HashInfo(tree.hash().name(), m.md5()), false);
                }
                repo.cache().addBytes(tree.manifestBytes(), tree.hash());
            } else if (o.hash() != null) {
                repo.cache().addFile(p, o.hash(), false);
            }
        } catch (IOException e) {
            throw new DvcException("cannot save '" + p + "' to the cache: " + e.getMessage(), null, e);
        }
    }

    private void commitFile(Path p, ContentHasher.FileHash file) {
        LinkType first = repo.linkTypes().get(0);
        try {
            if (first == LinkType.HARDLINK && !Files.isSymbolicLink(p)) {
                repo.cache().addByHardlink(p, file.hash(), file.stat());
            } else {
                repo.cache().addFile(p, file.hash(), first == LinkType.REFLINK);
            }
            relinkFile(p, file.hash(), file.meta().isexec(), first);
        } catch (IOException e) {
            throw new DvcException("cannot save '" + p + "' to the cache: " + e.getMessage(), null, e);
        }
    }

    /** After saving, the workspace file is unprotected (copy) or becomes a link to the cache object. */
    private void relinkFile(Path p, HashInfo hash, boolean isexec, LinkType first) throws IOException {
        if (first == LinkType.SYMLINK || Files.isSymbolicLink(p)) {
            // like dvc, a symlinked file is replaced by a link or copy of the cached object
            repo.cache().link(hash, p, repo.linkTypes(), isexec);
        } else if (first != LinkType.HARDLINK) {
            Modes.chmod(p, Umask.writableFileMode() | (isexec ? 0100 : 0));
        }
    }

    private void commitTree(ContentHasher.TreeHash tree) {
        LinkType first = repo.linkTypes().get(0);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        ObjectStore store = repo.cache();
        try (ProgressTracker progress = new ProgressTracker(
                repo.listener(), "Committing to cache", tree.members().size(), "files")) {
            Parallel.forEach(repo.pool(), tree.members(), f -> {
                if (failure.get() != null) {
                    return;
                }
                try {
                    HashInfo h = new HashInfo(tree.hash().name(), f.md5());
                    if (first == LinkType.HARDLINK && !f.symlink()) {
                        store.addByHardlink(f.path(), h, f.stat());
                    } else {
                        store.addFile(f.path(), h, first == LinkType.REFLINK);
                        if (first == LinkType.SYMLINK || f.symlink()) {
                            store.link(h, f.path(), repo.linkTypes(), false);
                        }
                    }
                } catch (IOException e) {
                    failure.compareAndSet(null, new UncheckedIOException(e));
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
                progress.advance(1);
            });
        }
        if (failure.get() != null) {
            throw failure.get() instanceof UncheckedIOException u
                    ? new DvcException(
                            "cannot save to the cache: " + u.getCause().getMessage())
                    : failure.get();
        }
        try {
            store.addBytes(tree.manifestBytes(), tree.hash());
        } catch (IOException e) {
            throw new DvcException("cannot save the directory manifest to the cache: " + e.getMessage(), null, e);
        }
    }
}
