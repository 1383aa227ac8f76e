package io.github.dvcmaven.core.internal.hash;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.HashInfo;
import io.github.dvcmaven.core.api.RepoListener;
import io.github.dvcmaven.core.internal.DaemonThreads;
import io.github.dvcmaven.core.internal.Parallel;
import io.github.dvcmaven.core.internal.event.ProgressTracker;
import io.github.dvcmaven.core.internal.fs.FileStat;
import io.github.dvcmaven.core.internal.fs.TreeWalker;
import io.github.dvcmaven.core.internal.state.StateDb;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hashes workspace files and directories the way dvc does, without reading what did not change: each
 * file's hash is remembered by its stat, and a directory's tree hash by a fingerprint of all its
 * members' stats, so a no-op status on 100,000 files is a walk and two lookups. What must be read is
 * read in parallel.
 */
public final class ContentHasher {
    /**
     * How a file's content is read on a state miss: plain hashing, or copying into the cache while hashing.
     * {@code size} is the size its stat gave just before; a change after it is caught by the stat after.
     * {@code ahead}, when not null, is a hash of this file already under way from that same stat
     * ({@link #hashAhead}): the reader uses it instead of hashing the file again.
     */
    @FunctionalInterface
    public interface ContentReader {
        String read(Path file, long size, String algorithm, HashAhead ahead) throws IOException;
    }

    public static final ContentReader HASH_ONLY =
            (file, size, algorithm, ahead) -> ahead != null ? ahead.await() : FileHasher.hash(file, algorithm);

    /** A file this big shows its own progress (in bytes) while it is read. */
    private static final long PROGRESS_FROM_BYTES = 64L << 20;
    /** Smaller files are hashed in less time than a thread of their own would save. */
    private static final long AHEAD_FROM_BYTES = 4L << 20;
    /** Below this many files hashed, writing their states at the end costs too little to overlap. */
    private static final int BACKGROUND_FLUSH_FROM = 1000;
    /** A big directory's states are written in batches of this many while its hashing goes on. */
    private static final int FLUSH_EVERY = 20_000;

    private static final int PARALLEL_FINGERPRINT_FROM = 5000;

    /** A file's hash with the stat it was taken from. */
    public record FileHash(HashInfo hash, Meta meta, FileStat stat) {}

    /** One file of a hashed directory. */
    public record Member(String relpath, Path path, FileStat stat, String md5, boolean symlink) {}

    /** A directory's tree: its hash and meta now; its manifest and members computed when first asked for. */
    public final class TreeHash {
        private final HashInfo hash;
        private final Meta meta;
        private final List<TreeWalker.Entry> files;
        private final String algorithm;
        private final ContentReader reader;
        private final String repoRel;
        private List<Member> members;
        private DirManifest manifest;
        private byte[] manifestBytes;

        private TreeHash(
                HashInfo hash,
                Meta meta,
                List<TreeWalker.Entry> files,
                String algorithm,
                ContentReader reader,
                String repoRel,
                List<Member> members,
                DirManifest manifest) {
            this.hash = hash;
            this.meta = meta;
            this.files = files;
            this.algorithm = algorithm;
            this.reader = reader;
            this.repoRel = repoRel;
            this.members = members;
            this.manifest = manifest;
        }

        public HashInfo hash() {
            return hash;
        }

        public Meta meta() {
            return meta;
        }

        public synchronized List<Member> members() {
            if (members == null) {
                members = hashMembers(files, algorithm, reader, repoRel);
            }
            return members;
        }

        public synchronized DirManifest manifest() {
            if (manifest == null) {
                manifest = manifestOf(members());
            }
            return manifest;
        }

        /** The .dir object's bytes (serialising 100,000s of entries is worth doing once). */
        public synchronized byte[] manifestBytes() {
            if (manifestBytes == null) {
                manifestBytes = manifest().toBytes();
            }
            return manifestBytes;
        }
    }

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
        FileHash ahead = readAheadResult(file, algorithm);
        return ahead != null ? ahead : computeFileHash(file, algorithm, reader, true);
    }

    private FileHash computeFileHash(Path file, String algorithm, ContentReader reader, boolean consultState) {
        try {
            FileStat stat = FileStat.of(file);
            if (!stat.regularFile()) {
                throw new DvcException("'" + file + "' is not a regular file");
            }
            String value = consultState ? hash(file, stat, algorithm, reader) : read(file, stat, algorithm, reader);
            return new FileHash(new HashInfo(algorithm, value), Meta.file(stat.size(), stat.isExecutable()), stat);
        } catch (NoSuchFileException e) {
            throw new DvcException("'" + file + "' does not exist", null, e);
        } catch (IOException e) {
            throw new DvcException("cannot read '" + file + "': " + e.getMessage(), null, e);
        }
    }

    /** A file being read through a reader ahead of its turn, on its own thread. */
    private record ReadAhead(Thread thread, CompletableFuture<FileHash> result, String algorithm) {}

    private final Map<Path, ReadAhead> readAheads = new ConcurrentHashMap<>();

    /**
     * Starts reading a big file through {@code reader} (on an add: copying it into the cache) before the
     * caller asks for it, without waiting for the state database to open; a {@link #hashAhead} of it is
     * taken over. {@link #hashFile} takes the result if the file has not changed since, and stops the
     * read if the state knew the file after all. Small files are left alone, as by {@link #hashAhead}.
     */
    public void readAhead(Path file, String algorithm, ContentReader reader) {
        if (!worthReadingAhead(file) || readAheads.containsKey(file)) {
            return;
        }
        CompletableFuture<FileHash> result = new CompletableFuture<>();
        Thread t = DaemonThreads.start("dvc-read-ahead", () -> {
            try {
                result.complete(computeFileHash(file, algorithm, reader, false));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        readAheads.put(file, new ReadAhead(t, result, algorithm));
    }

    private FileHash readAheadResult(Path file, String algorithm) {
        ReadAhead ahead = readAheads.isEmpty() ? null : readAheads.remove(file);
        if (ahead == null || !ahead.algorithm().equals(algorithm)) {
            if (ahead != null) {
                DaemonThreads.stop(ahead.thread());
            }
            return null;
        }
        try {
            FileStat now = FileStat.of(file);
            String known = now.regularFile() ? state.get(now, algorithm) : null;
            if (known != null) {
                DaemonThreads.stop(ahead.thread());
                dropHashAhead(file);
                return new FileHash(new HashInfo(algorithm, known), Meta.file(now.size(), now.isExecutable()), now);
            }
            FileHash done = ahead.result().join();
            return now.unchangedSince(done.stat()) && now.mode() == done.stat().mode() ? done : null;
        } catch (CompletionException | IOException e) {
            return null; // hashed again the ordinary way, which reports any error
        }
    }

    private final Map<Path, HashAhead> aheads = new ConcurrentHashMap<>();

    /**
     * Starts hashing a big file the caller will ask for after slower preparations (taking the repository
     * lock, reading the stage files), so its read overlaps them. It only reads: the reader that later
     * reads the file ({@link #hashFile}, {@link #readAhead}) is handed this hash under way, and uses it
     * only if the file still has the stat it had when this began. If the state knows the file after all,
     * this is stopped; so are unclaimed ones by {@link #cancelAheads}. Small files, and anything but a
     * regular file, are not worth a thread and are left alone.
     */
    public void hashAhead(Path file, String algorithm) {
        if (!worthReadingAhead(file) || aheads.containsKey(file)) {
            return;
        }
        try {
            aheads.put(file, HashAhead.start(file, algorithm));
        } catch (IOException e) {
            // the ordinary path reports it
        }
    }

    private static boolean worthReadingAhead(Path file) {
        try {
            FileStat stat = FileStat.ofLink(file);
            return stat.regularFile() && stat.size() >= AHEAD_FROM_BYTES;
        } catch (IOException e) {
            return false; // the ordinary path reports it
        }
    }

    /** Stops what was started ahead and nobody claimed (the operation failed before it got to it). */
    public void cancelAheads() {
        List<ReadAhead> reads = new ArrayList<>(readAheads.values());
        readAheads.clear();
        reads.forEach(r -> DaemonThreads.stop(r.thread()));
        List<HashAhead> hashes = new ArrayList<>(aheads.values());
        aheads.clear();
        hashes.forEach(HashAhead::cancel);
    }

    private void dropHashAhead(Path file) {
        HashAhead ahead = aheads.isEmpty() ? null : aheads.remove(file);
        if (ahead != null) {
            ahead.cancel();
        }
    }

    /** The hash ahead of {@code file}, if one runs for this algorithm from this very stat; others are stopped. */
    private HashAhead takeAhead(Path file, FileStat stat, String algorithm) {
        HashAhead ahead = aheads.isEmpty() ? null : aheads.remove(file);
        if (ahead == null) {
            return null;
        }
        if (ahead.algorithm().equals(algorithm)
                && stat.unchangedSince(ahead.startStat())
                && stat.mode() == ahead.startStat().mode()) {
            return ahead;
        }
        ahead.cancel();
        return null;
    }

    /** The md5 of a file whose stat is known, from the state database when it can be trusted. */
    public String hash(Path file, FileStat stat, String algorithm, ContentReader reader) throws IOException {
        String known = state.get(stat, algorithm);
        if (known != null) {
            dropHashAhead(file);
            return known;
        }
        return read(file, stat, algorithm, reader);
    }

    /**
     * Reads a file's content to hash it, and remembers the hash if the file did not change meanwhile. A
     * big file is read by a {@link HashAhead}, whose bytes show as the file's own progress.
     */
    private String read(Path file, FileStat stat, String algorithm, ContentReader reader) throws IOException {
        HashAhead ahead = takeAhead(file, stat, algorithm);
        for (int attempt = 0; ; attempt++) {
            String value;
            if (stat.size() >= PROGRESS_FROM_BYTES && algorithm.equals(HashInfo.MD5)) {
                if (ahead == null) {
                    ahead = HashAhead.start(file, algorithm);
                }
                String task = (reader == HASH_ONLY ? "Hashing " : "Adding ") + file.getFileName();
                try (ProgressTracker progress = ProgressTracker.ofBytes(listener, task, stat.size())) {
                    ahead.reportTo(progress::advanceBytes);
                    value = reader.read(file, stat.size(), algorithm, ahead);
                }
            } else {
                value = reader.read(file, stat.size(), algorithm, ahead);
            }
            long hashedAt = nowNanos();
            FileStat after = FileStat.ofContent(file);
            if (after.unchangedSince(stat)) {
                state.put(stat, algorithm, value, hashedAt);
                return value;
            }
            if (attempt >= 2) {
                throw new DvcException("'" + file + "' keeps changing while it is being hashed");
            }
            stat = after;
            ahead = null;
        }
    }

    public TreeHash hashDir(Path dir, String repoRel, String algorithm) {
        return hashDir(dir, repoRel, algorithm, HASH_ONLY);
    }

    /** Hashes a directory; {@code repoRel} is its posix path from the repo root, for .dvcignore rules. */
    public TreeHash hashDir(Path dir, String repoRel, String algorithm, ContentReader reader) {
        List<TreeWalker.Entry> files = walker.walk(dir, repoRel);
        long size = 0;
        long maxMtime = 0;
        for (TreeWalker.Entry f : files) {
            size += f.stat().size();
            maxMtime = Math.max(maxMtime, f.stat().mtimeNanos());
        }
        Meta meta = Meta.dir(size, files.size());
        String fingerprint = fingerprint(files);
        StateDb.TreeRecord known = state.getTree(repoRel, algorithm);
        if (known != null && known.trusted() && known.fingerprint().equals(fingerprint)) {
            return new TreeHash(
                    new HashInfo(algorithm, known.hash()), meta, files, algorithm, reader, repoRel, null, null);
        }
        List<Member> members = hashMembers(files, algorithm, reader, repoRel);
        DirManifest manifest = manifestOf(members);
        byte[] bytes = manifest.toBytes();
        HashInfo hash = DirManifest.hashOf(bytes, algorithm);
        state.putTree(repoRel, algorithm, new StateDb.TreeRecord(fingerprint, hash.value(), maxMtime, nowNanos()));
        TreeHash tree = new TreeHash(hash, meta, files, algorithm, reader, repoRel, members, manifest);
        tree.manifestBytes = bytes;
        return tree;
    }

    private List<Member> hashMembers(
            List<TreeWalker.Entry> files, String algorithm, ContentReader reader, String repoRel) {
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
            try (ProgressTracker progress =
                    new ProgressTracker(listener, "Hashing " + repoRel, toHash.size(), "files")) {
                AtomicInteger hashed = new AtomicInteger();
                Parallel.forEach(pool, toHash, i -> {
                    TreeWalker.Entry e = files.get(i);
                    try {
                        hashes[i] = hash(e.path(), e.stat(), algorithm, reader);
                        if (hashed.incrementAndGet() % FLUSH_EVERY == 0) {
                            // written as they come: a big directory's states no longer wait to the end
                            state.flushInBackground();
                        }
                    } catch (IOException ex) {
                        failure.compareAndSet(
                                null, new DvcException("cannot read '" + e.path() + "': " + ex.getMessage()));
                    } catch (RuntimeException ex) {
                        failure.compareAndSet(null, ex);
                    }
                    progress.advance(1);
                });
            }
            if (failure.get() != null) {
                throw failure.get();
            }
            if (toHash.size() >= BACKGROUND_FLUSH_FROM) {
                // the manifest is built on this thread meanwhile, while a core is free
                state.flushInBackground();
            }
        }
        List<Member> members = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            TreeWalker.Entry f = files.get(i);
            members.add(new Member(f.relpath(), f.path(), f.stat(), hashes[i], f.symlink()));
        }
        return members;
    }

    private static DirManifest manifestOf(List<Member> members) {
        List<DirManifest.Entry> entries = new ArrayList<>(members.size());
        for (Member m : members) {
            entries.add(new DirManifest.Entry(m.relpath(), m.md5()));
        }
        return new DirManifest(entries);
    }

    /**
     * An order-independent digest of every member's relpath, device, inode, mtime and size: equal
     * fingerprints mean no file was added, removed, renamed or touched since. Two independent 64-bit
     * sums of per-file hashes (FNV-1a over the relpath, then the stat mixed in with murmur3's
     * finaliser): cheap enough that a cold JVM spends little on 100,000 files, which an md5 per file
     * did not; slices of a big directory are summed on all cores.
     */
    String fingerprint(List<TreeWalker.Entry> files) {
        int slices = files.size() < PARALLEL_FINGERPRINT_FROM ? 1 : pool.getParallelism() * 4;
        int per = Math.max(1, (files.size() + slices - 1) / slices);
        List<List<TreeWalker.Entry>> parts = new ArrayList<>();
        for (int from = 0; from < files.size(); from += per) {
            parts.add(files.subList(from, Math.min(files.size(), from + per)));
        }
        long[] sum = parts.size() <= 1
                ? fileHashSum(files)
                : pool.submit(() -> parts.parallelStream()
                                .map(ContentHasher::fileHashSum)
                                .reduce(new long[2], (x, y) -> new long[] {x[0] + y[0], x[1] + y[1]}))
                        .join();
        return "f2-" + Long.toHexString(files.size() + sum[0]) + Long.toHexString(sum[1]);
    }

    private static long[] fileHashSum(List<TreeWalker.Entry> files) {
        long a = 0;
        long b = 0;
        for (TreeWalker.Entry f : files) {
            a += fileHash(f, 0xcbf29ce484222325L, 0x100000001b3L);
            b += fileHash(f, 0x6a09e667f3bcc909L, 0x9e3779b97f4a7c15L);
        }
        return new long[] {a, b};
    }

    /** Per file, not in the loop above: a cold JVM compiles a small method called often long before a long loop. */
    private static long fileHash(TreeWalker.Entry f, long seed, long prime) {
        String relpath = f.relpath();
        long h = seed;
        for (int i = 0; i < relpath.length(); i++) {
            h = (h ^ relpath.charAt(i)) * prime;
        }
        return mixStat(h, f.stat());
    }

    private static long mixStat(long h, FileStat s) {
        h = fmix64(h ^ fmix64(s.device()));
        h = fmix64(h ^ fmix64(s.inode() + 0x9e3779b97f4a7c15L));
        h = fmix64(h ^ fmix64(s.mtimeNanos() + 0x3c6ef372fe94f82aL));
        return fmix64(h ^ fmix64(s.size() + 0xdaa66d2c7ddf743fL));
    }

    /** murmur3's 64-bit finaliser: every input bit affects every output bit. */
    private static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    private static long nowNanos() {
        return System.currentTimeMillis() * 1_000_000L;
    }
}
