package io.github.dvcmaven.core.internal.remote;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.HashInfo;
import io.github.dvcmaven.core.api.RepoListener;
import io.github.dvcmaven.core.internal.Parallel;
import io.github.dvcmaven.core.internal.cache.CorruptObjectException;
import io.github.dvcmaven.core.internal.cache.ObjectStore;
import io.github.dvcmaven.core.internal.event.ProgressTracker;
import io.github.dvcmaven.core.internal.hash.DirManifest;
import io.github.dvcmaven.core.internal.hash.FileHasher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Moves objects between the local cache and a remote the way dvc does: only what the other side lacks,
 * in parallel, a directory's files before its {@code .dir} object (and never the {@code .dir} when a
 * file failed or is missing, since a remote .dir promises its files), every download verified against
 * its hash before it enters the cache, transient failures retried with backoff.
 */
public final class Transfer {
    private static final int ATTEMPTS = 4;
    /** A throttled server (503 SlowDown, 429) asks for patience: more attempts, each waiting longer. */
    private static final int THROTTLED_ATTEMPTS = 6;

    /** What a push or fetch did: counts, objects missing everywhere, objects that failed. */
    public record Result(int transferred, List<HashInfo> missing, Map<HashInfo, String> failed) {}

    private final ObjectStore cache;
    private final Remote remote;
    private final int jobs;
    private final RepoListener listener;
    private final ObjectHasher hasher;

    /** The hash of a cache object's bytes (a state database may answer for an unchanged file). */
    @FunctionalInterface
    public interface ObjectHasher {
        String hash(Path file, String algorithm) throws IOException;
    }

    public Transfer(ObjectStore cache, Remote remote, int jobs, RepoListener listener) {
        this(cache, remote, jobs, listener, FileHasher::hash);
    }

    /** @param hasher checks each object against its name before it leaves, so a rotten one never spreads */
    public Transfer(ObjectStore cache, Remote remote, int jobs, RepoListener listener, ObjectHasher hasher) {
        this.cache = cache;
        this.remote = remote;
        this.jobs = Math.max(1, jobs);
        this.listener = listener;
        this.hasher = hasher;
    }

    /** Parallel transfers when neither the user nor the remote's {@code jobs} option says: dvc's 4 per core. */
    /** The parallelism asked for ({@code -j}, > 0), else the default. */
    public static int jobs(int requested) {
        return requested > 0 ? requested : defaultJobs();
    }

    public static int defaultJobs() {
        return 4 * Runtime.getRuntime().availableProcessors();
    }

    /** The remote key of an object: dvc's layout, legacy 2.x objects at the top level. */
    public static String key(HashInfo h) {
        String v = h.value();
        return (h.isLegacy() ? "" : "files/md5/") + v.substring(0, 2) + "/" + v.substring(2);
    }

    // ------------------------------------------------------------------ push

    public Result push(Collection<HashInfo> objects) {
        Set<HashInfo> files = new LinkedHashSet<>();
        Map<HashInfo, List<HashInfo>> dirs = new LinkedHashMap<>();
        List<HashInfo> missing = new ArrayList<>();
        for (HashInfo h : objects) {
            if (h.isDir()) {
                DirManifest m = cache.isValid(h) ? safeLoad(h) : null;
                if (m == null) {
                    missing.add(h);
                    continue;
                }
                List<HashInfo> members = members(h, m);
                dirs.put(h, members);
            } else {
                files.add(h);
            }
        }
        Set<HashInfo> all = new LinkedHashSet<>(files);
        all.addAll(dirs.keySet());
        Set<HashInfo> onRemote = existing(all, false);
        Set<HashInfo> toUpload = new LinkedHashSet<>();
        for (HashInfo f : files) {
            if (!onRemote.contains(f)) {
                toUpload.add(f);
            }
        }
        Map<HashInfo, List<HashInfo>> dirsToUpload = new LinkedHashMap<>();
        Set<HashInfo> memberCandidates = new LinkedHashSet<>();
        for (Map.Entry<HashInfo, List<HashInfo>> d : dirs.entrySet()) {
            if (!onRemote.contains(d.getKey())) {
                dirsToUpload.put(d.getKey(), d.getValue());
                memberCandidates.addAll(d.getValue());
            }
        }
        Set<HashInfo> membersOnRemote = existing(memberCandidates, false);
        for (HashInfo m : memberCandidates) {
            if (!membersOnRemote.contains(m)) {
                toUpload.add(m);
            }
        }
        Set<HashInfo> absent = new HashSet<>();
        List<HashInfo> uploads = new ArrayList<>();
        for (HashInfo h : toUpload) {
            if (cache.exists(h)) {
                uploads.add(h);
            } else {
                absent.add(h);
                missing.add(h);
            }
        }
        Map<HashInfo, String> failed = new ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        try (ProgressTracker progress = new ProgressTracker(
                listener, "Pushing to " + remote.name(), uploads.size() + dirsToUpload.size(), "files")) {
            progress.addTotalBytes(sizes(uploads));
            parallel(uploads, h -> {
                upload(h, failed, done, progress);
                progress.advance(1);
            });
            List<HashInfo> dirUploads = new ArrayList<>();
            for (Map.Entry<HashInfo, List<HashInfo>> d : dirsToUpload.entrySet()) {
                boolean complete = d.getValue().stream().noneMatch(m -> failed.containsKey(m) || absent.contains(m));
                if (complete) {
                    dirUploads.add(d.getKey());
                } else {
                    failed.putIfAbsent(d.getKey(), "not uploaded: some of its files failed or are missing");
                }
            }
            progress.addTotalBytes(sizes(dirUploads));
            parallel(dirUploads, h -> {
                upload(h, failed, done, progress);
                progress.advance(1);
            });
        }
        return new Result(done.get(), missing, failed);
    }

    private long sizes(List<HashInfo> objects) {
        long total = 0;
        for (HashInfo h : objects) {
            try {
                total += Files.size(cache.path(h));
            } catch (IOException e) {
                // its upload reports the problem
            }
        }
        return total;
    }

    private void upload(HashInfo h, Map<HashInfo, String> failed, AtomicInteger done, ProgressTracker progress) {
        String rotten = rotten(h);
        if (rotten != null) {
            failed.put(h, rotten);
            return;
        }
        String error = retry("upload " + key(h), () -> {
                    AtomicLong sent = new AtomicLong();
                    try {
                        remote.upload(cache.path(h), key(h), n -> {
                            sent.addAndGet(n);
                            progress.advanceBytes(n);
                        });
                    } catch (IOException | RuntimeException e) {
                        progress.advanceBytes(-sent.get()); // a retry sends them again
                        throw e;
                    }
                    return null;
                })
                .error();
        if (error == null) {
            done.incrementAndGet();
        } else {
            failed.put(h, error);
        }
    }

    /** Why the cache object does not match its name, or null when it does. */
    private String rotten(HashInfo h) {
        Path file = cache.path(h);
        String actual;
        try {
            actual = hasher.hash(file, h.bytesAlgorithm());
        } catch (DvcException | IOException e) {
            return "cannot read the cache object " + file + ": " + e.getMessage();
        }
        if (h.bytesDigest().equals(actual)) {
            return null;
        }
        return "the cache object " + file + " is corrupted (its bytes hash to " + actual + "), so it was not pushed;"
                + " remove it (rm -f '" + file
                + "') and restore it from the workspace (mvn dvc:commit -Ddvc.force=true)"
                + " or from another remote (mvn dvc:fetch -Ddvc.remote=NAME)";
    }

    // ------------------------------------------------------------------ fetch

    public Result fetch(Collection<HashInfo> objects) {
        List<HashInfo> missing = new ArrayList<>();
        Map<HashInfo, String> failed = new ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        Set<HashInfo> wanted = new LinkedHashSet<>();
        List<HashInfo> dirs = new ArrayList<>();
        for (HashInfo h : objects) {
            if (h.isDir()) {
                dirs.add(h);
            } else if (!cache.isValid(h)) {
                wanted.add(h);
            }
        }
        // .dir objects first: they say which files a directory needs
        parallel(dirs.stream().filter(d -> !cache.isValid(d)).toList(), d -> download(d, failed, missing, done, null));
        for (HashInfo d : dirs) {
            if (!cache.isValid(d)) {
                continue;
            }
            DirManifest m = safeLoad(d);
            if (m == null) {
                failed.put(d, "the directory object is corrupted");
                continue;
            }
            for (HashInfo member : members(d, m)) {
                if (!cache.isValid(member)) {
                    wanted.add(member);
                }
            }
        }
        try (ProgressTracker progress =
                new ProgressTracker(listener, "Fetching from " + remote.name(), wanted.size(), "files")) {
            parallel(new ArrayList<>(wanted), h -> {
                download(h, failed, missing, done, progress);
                progress.advance(1);
            });
        }
        return new Result(done.get(), missing, failed);
    }

    /** Downloads exactly these objects (a directory's {@code .dir} without its files), verified, into the cache. */
    public Result fetchExactly(Collection<HashInfo> objects) {
        List<HashInfo> missing = new ArrayList<>();
        Map<HashInfo, String> failed = new ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        parallel(
                objects.stream().filter(h -> !cache.isValid(h)).toList(),
                h -> download(h, failed, missing, done, null));
        return new Result(done.get(), missing, failed);
    }

    private void download(
            HashInfo h,
            Map<HashInfo, String> failed,
            List<HashInfo> missing,
            AtomicInteger done,
            ProgressTracker progress) {
        String error = retry("download " + key(h), () -> {
                    CountingInputStream in = new CountingInputStream(remote.open(key(h)), progress);
                    try (in) {
                        cache.addStream(in, h);
                    } catch (IOException | RuntimeException e) {
                        in.unreport(); // a retry reads them again
                        throw e;
                    }
                    return null;
                })
                .error();
        if (error == null) {
            done.incrementAndGet();
        } else if (error.equals(MISSING)) {
            synchronized (missing) {
                missing.add(h);
            }
        } else {
            failed.put(h, error);
        }
    }

    // ------------------------------------------------------------------ status

    /**
     * Which of these objects are on the remote. A check that fails (rather than answering "absent") fails
     * the call: a status must not report as missing what it could not ask about.
     */
    public Set<HashInfo> onRemote(Collection<HashInfo> objects) {
        return existing(new LinkedHashSet<>(objects), true);
    }

    /** Objects of a directory: the .dir itself, then its files, all under the directory's algorithm. */
    public static List<HashInfo> members(HashInfo dir, DirManifest manifest) {
        List<HashInfo> out = new ArrayList<>();
        for (DirManifest.Entry e : manifest.entries()) {
            out.add(new HashInfo(dir.name(), e.md5()));
        }
        return out;
    }

    private DirManifest safeLoad(HashInfo h) {
        try {
            return cache.loadDir(h);
        } catch (DvcException e) {
            return null;
        }
    }

    /**
     * Which objects the remote has, asking the way dvc asks: one existence check each for a single
     * object, for a remote that answers those cheaply, or for few objects on a big remote; otherwise by
     * listing. The remote's size is estimated from the keys under {@code files/md5/00/0} (1/4096 of a
     * uniformly spread store): a small one is listed whole in a few pages, a big one by its 256 prefixes
     * side by side. A push to a new remote thus costs one listing, not thousands of existence checks.
     */
    private Set<HashInfo> existing(Set<HashInfo> objects, boolean strict) {
        Set<HashInfo> found = ConcurrentHashMap.newKeySet();
        Map<HashInfo, String> errors = new ConcurrentHashMap<>();
        List<HashInfo> modern = new ArrayList<>();
        List<HashInfo> checkEach = new ArrayList<>();
        for (HashInfo h : objects) {
            (h.isLegacy() ? checkEach : modern).add(h);
        }
        if (modern.size() <= 1 || !remote.prefersListing()) {
            checkEach.addAll(modern);
        } else {
            Set<String> sample = list(SAMPLE_PREFIX);
            long remoteSize = SAMPLE_SHARE * Math.max(1, sample.size());
            double pages = remoteSize / (double) PAGE_SIZE;
            double traverseWeight = remoteSize > BIG_REMOTE ? pages * BIG_REMOTE_WEIGHT : pages;
            if (modern.size() < traverseWeight) {
                for (HashInfo h : modern) {
                    if (sample.contains(key(h))) {
                        found.add(h);
                    } else if (!key(h).startsWith(SAMPLE_PREFIX)) {
                        checkEach.add(h);
                    }
                }
            } else {
                Set<String> keys = pages < 256.0 / jobs ? list(FILES_PREFIX) : listByPrefix();
                for (HashInfo h : modern) {
                    if (keys.contains(key(h))) {
                        found.add(h);
                    }
                }
            }
        }
        parallel(checkEach, h -> {
            Attempt result = retry("check " + key(h), () -> remote.exists(key(h)));
            if (result.error() == null && Boolean.TRUE.equals(result.value())) {
                found.add(h);
            } else if (result.error() != null && !result.error().equals(MISSING)) {
                errors.put(h, result.error());
            }
        });
        if (strict && !errors.isEmpty()) {
            Map.Entry<HashInfo, String> first = errors.entrySet().iterator().next();
            throw new DvcException(
                    "cannot tell whether remote '" + remote.name() + "' has " + errors.size() + " object(s): "
                            + first.getValue(),
                    "check the remote's URL, credentials and network");
        }
        return found;
    }

    private static final String FILES_PREFIX = "files/md5/";
    private static final String SAMPLE_PREFIX = FILES_PREFIX + "00/0";
    private static final long SAMPLE_SHARE = 4096;
    private static final int PAGE_SIZE = 1000;
    private static final long BIG_REMOTE = 500_000;
    private static final int BIG_REMOTE_WEIGHT = 5;

    private Set<String> listByPrefix() {
        Set<String> keys = ConcurrentHashMap.newKeySet();
        List<String> prefixes = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            prefixes.add(FILES_PREFIX + String.format("%02x/", i));
        }
        parallel(prefixes, prefix -> keys.addAll(list(prefix)));
        return keys;
    }

    private Set<String> list(String prefix) {
        Attempt result = retry("list " + prefix, () -> remote.list(prefix));
        if (result.error() != null) {
            throw new DvcException("cannot list '" + prefix + "' on remote '" + remote.name() + "': " + result.error());
        }
        @SuppressWarnings("unchecked")
        Set<String> keys = (Set<String>) result.value();
        return keys;
    }

    // ------------------------------------------------------------------ plumbing

    private static final String MISSING = "missing";

    @FunctionalInterface
    private interface Action {
        Object run() throws IOException;
    }

    /** An action's value, or its error: "missing" when the remote lacks the object, else the last failure. */
    private record Attempt(Object value, String error) {}

    /**
     * Runs an action until it succeeds or fails for good, as the AWS SDK's standard retry mode does:
     * exponential backoff with full jitter, longer for throttling (429, 503 SlowDown), no retry of a
     * permanent refusal (credentials, other 4xx). A download that failed its hash check is fetched once
     * more, since bytes can be damaged in transit; a second mismatch is the remote's object.
     */
    private Attempt retry(String what, Action action) {
        boolean corruptOnce = false;
        for (int attempt = 1; ; attempt++) {
            try {
                return new Attempt(action.run(), null);
            } catch (RemoteObjectMissingException e) {
                return new Attempt(null, MISSING);
            } catch (CorruptObjectException e) {
                if (corruptOnce) {
                    return new Attempt(null, e.getMessage());
                }
                corruptOnce = true;
                listener.log(RepoListener.Level.WARN, what + ": " + e.getMessage() + "; fetching it once more");
            } catch (IOException | RuntimeException e) {
                boolean permanent =
                        e instanceof RemoteAuthException || (e instanceof RemoteRequestException r && !r.retryable());
                boolean throttled = e instanceof RemoteRequestException r && r.throttled();
                if (attempt >= (throttled ? THROTTLED_ATTEMPTS : ATTEMPTS) || permanent) {
                    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                    if (!message.contains("remote '")) {
                        message = "remote '" + remote.name() + "': " + what + " failed after " + attempt + " attempts: "
                                + message;
                    } else if (attempt > 1) {
                        message = message + " (after " + attempt + " attempts)";
                    }
                    return new Attempt(null, Remotes.redact(message));
                }
                listener.log(
                        RepoListener.Level.DEBUG,
                        what + " failed (attempt " + attempt + "), retrying: " + Remotes.redact(String.valueOf(e)));
                try {
                    Thread.sleep(backoff(attempt, throttled));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return new Attempt(null, "interrupted");
                }
            }
        }
    }

    /** Jitter over an exponential ceiling (between half and all of it): 100 ms doubling (500 ms when throttled), at most 20 s. */
    static long backoff(int attempt, boolean throttled) {
        long base = throttled ? 500 : 100;
        long ceiling = Math.min(20_000, base << Math.min(attempt, 16));
        return ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1);
    }

    private <T> void parallel(List<T> items, Consumer<T> work) {
        if (items.isEmpty()) {
            return;
        }
        ForkJoinPool pool = new ForkJoinPool(Math.min(jobs, items.size()));
        try {
            Parallel.forEach(pool, items, work);
        } finally {
            pool.shutdown();
        }
    }
}
