package io.github.dvcmaven.core.hash;

import io.github.dvcmaven.core.DvcException;
import io.github.dvcmaven.core.event.ProgressTracker;
import io.github.dvcmaven.core.event.RepoListener;
import io.github.dvcmaven.core.fs.FileStat;
import io.github.dvcmaven.core.fs.TreeWalker;
import io.github.dvcmaven.core.state.StateDb;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hashes workspace files and directories the way dvc does, asking the state database first so that
 * only new or modified files are read, and reading those in parallel.
 */
public final class ContentHasher {
    /** A file's hash with the stat it was taken from. */
    public record FileHash(HashInfo hash, Meta meta, FileStat stat) {}

    /** A directory's tree: its hash, meta, manifest, and the member files as walked with their md5s. */
    public record TreeHash(HashInfo hash, Meta meta, DirManifest manifest, List<Member> members) {}

    /** One file of a hashed directory. */
    public record Member(String relpath, Path path, FileStat stat, String md5, boolean symlink) {}

    /** How a file's content is read on a state miss: plain hashing, or copying into the cache while hashing. */
    @FunctionalInterface
    public interface ContentReader {
        String read(Path file, String algorithm) throws IOException;
    }

    public static final ContentReader HASH_ONLY = FileHasher::hash;

    private final StateDb state;
    private final TreeWalker walker;
    private final ForkJoinPool pool;
    private final RepoListener listener;

    public ContentHasher(StateDb state, TreeWalker walker, ForkJoinPool pool, RepoListener listener) {
        this.state = state;
        this.walker = walker;
        this.pool = pool;
        this.listener = listener;
    }

    public FileHash hashFile(Path file, String algorithm) {
        return hashFile(file, algorithm, HASH_ONLY);
    }

    public FileHash hashFile(Path file, String algorithm, ContentReader reader) {
        try {
            FileStat stat = FileStat.of(file);
            if (!stat.regularFile()) {
                throw new DvcException("'" + file + "' is not a regular file");
            }
            return new FileHash(new HashInfo(algorithm, hash(file, stat, algorithm, reader)),
                    Meta.file(stat.size(), stat.isExecutable()), stat);
        } catch (NoSuchFileException e) {
            throw new DvcException("'" + file + "' does not exist");
        } catch (IOException e) {
            throw new DvcException("cannot read '" + file + "': " + e.getMessage());
        }
    }

    /** The md5 of a file whose stat is known, from the state database when it can be trusted. */
    public String hash(Path file, FileStat stat, String algorithm, ContentReader reader) throws IOException {
        String known = state.get(stat, algorithm);
        if (known != null) {
            return known;
        }
        for (int attempt = 0; ; attempt++) {
            String value = reader.read(file, algorithm);
            long hashedAt = System.currentTimeMillis() * 1_000_000L;
            FileStat after = FileStat.of(file);
            if (after.mtimeNanos() == stat.mtimeNanos() && after.size() == stat.size() && after.inode() == stat.inode()) {
                state.put(stat, algorithm, value, hashedAt);
                return value;
            }
            if (attempt >= 2) {
                throw new DvcException("'" + file + "' keeps changing while it is being hashed");
            }
            stat = after;
        }
    }

    /** Hashes a directory; {@code repoRel} is its posix path from the repo root, for .dvcignore rules. */
    public TreeHash hashDir(Path dir, String repoRel, String algorithm) {
        return hashDir(dir, repoRel, algorithm, HASH_ONLY);
    }

    public TreeHash hashDir(Path dir, String repoRel, String algorithm, ContentReader reader) {
        List<TreeWalker.Entry> files = walker.walk(dir, repoRel);
        String[] hashes = new String[files.size()];
        List<Integer> toHash = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String known = state.get(files.get(i).stat(), algorithm);
            if (known != null) {
                hashes[i] = known;
            } else {
                toHash.add(i);
            }
        }
        if (!toHash.isEmpty()) {
            AtomicReference<RuntimeException> failure = new AtomicReference<>();
            try (ProgressTracker progress = new ProgressTracker(listener, "Hashing " + repoRel, toHash.size(), "files")) {
                pool.submit(() -> toHash.parallelStream().forEach(i -> {
                    TreeWalker.Entry e = files.get(i);
                    try {
                        hashes[i] = hash(e.path(), e.stat(), algorithm, reader);
                    } catch (IOException ex) {
                        failure.compareAndSet(null, new DvcException("cannot read '" + e.path() + "': " + ex.getMessage()));
                    } catch (RuntimeException ex) {
                        failure.compareAndSet(null, ex);
                    }
                    progress.advance(1);
                })).join();
            }
            if (failure.get() != null) {
                throw failure.get();
            }
        }
        List<DirManifest.Entry> entries = new ArrayList<>(files.size());
        List<Member> members = new ArrayList<>(files.size());
        long size = 0;
        for (int i = 0; i < files.size(); i++) {
            TreeWalker.Entry f = files.get(i);
            entries.add(new DirManifest.Entry(f.relpath(), hashes[i]));
            members.add(new Member(f.relpath(), f.path(), f.stat(), hashes[i], f.symlink()));
            size += f.stat().size();
        }
        DirManifest manifest = new DirManifest(entries);
        return new TreeHash(manifest.hash(algorithm), Meta.dir(size, entries.size()), manifest, members);
    }
}
