package io.github.dvcmaven.core.internal.cache;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.HashInfo;
import io.github.dvcmaven.core.internal.DaemonThreads;
import io.github.dvcmaven.core.internal.fs.AtomicWrite;
import io.github.dvcmaven.core.internal.fs.FileCopy;
import io.github.dvcmaven.core.internal.fs.FileStat;
import io.github.dvcmaven.core.internal.fs.GroupDirs;
import io.github.dvcmaven.core.internal.fs.Modes;
import io.github.dvcmaven.core.internal.fs.NativeFs;
import io.github.dvcmaven.core.internal.fs.StaleTemps;
import io.github.dvcmaven.core.internal.fs.Umask;
import io.github.dvcmaven.core.internal.hash.DirManifest;
import io.github.dvcmaven.core.internal.hash.FileHasher;
import io.github.dvcmaven.core.internal.hash.HashAhead;
import io.github.dvcmaven.core.internal.py.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * dvc's content-addressed cache: {@code files/md5/ab/cdef…} (dvc 3) and {@code ab/cdef…} (legacy 2.x)
 * under the cache root. Objects only enter through a temp file that is verified against the hash and
 * then renamed; they are made read-only (0444), and a 0444 object is trusted without rehashing.
 */
public final class ObjectStore {
    public static final int PROTECTED_MODE = 0444;

    private final Path root;
    private final Path filesMd5;
    private final Path[] prefixDirs = new Path[256];
    /** Objects this run installed (verified on the way in), so checking them again costs nothing. */
    private final Set<Path> installed = ConcurrentHashMap.newKeySet(1 << 17);
    /** Object directories known to exist, so each is created (or checked) once per run. */
    private final Set<Path> knownDirs = ConcurrentHashMap.newKeySet();
    /**
     * Object directories this run created: every object in them is one this run installed, so a miss
     * there needs no stat (a first add of 100,000 files saves 100,000 of them). Another repository sharing
     * the cache could add the same object meanwhile; replacing it with the same verified bytes is harmless.
     */
    private final Set<Path> createdDirs = ConcurrentHashMap.newKeySet();
    /** Cleared after the first clone attempt this file system refuses, so later files skip straight to copying. */
    private volatile boolean reflinkWorks = true;

    /** {@code cache.shared = group}: directories 2775 as dvc makes them, so the group can add objects. */
    private final boolean sharedGroup;

    public ObjectStore(Path root) {
        this(root, false);
    }

    public ObjectStore(Path root, boolean sharedGroup) {
        this.root = root;
        this.filesMd5 = root.resolve("files").resolve("md5");
        this.sharedGroup = sharedGroup;
    }

    /** dvc's {@code shared} option of a cache or local remote: absent, or {@code group}. */
    public static boolean parseShared(String value, String option) {
        if (value == null) {
            return false;
        }
        if (value.trim().equalsIgnoreCase("group")) {
            return true;
        }
        throw new DvcException(
                "config option '" + option + "' must be 'group', not '" + value + "'",
                "unset it, or set it to group for a cache shared by a group of users");
    }

    public Path root() {
        return root;
    }

    public Path path(HashInfo hash) {
        String v = hash.value();
        if (hash.isLegacy()) {
            return root.resolve(v.substring(0, 2)).resolve(v.substring(2));
        }
        return prefixDir(v).resolve(v.substring(2));
    }

    /** files/md5/xx, resolved once per prefix: big adds and pulls ask for a path per object several times. */
    private Path prefixDir(String value) {
        int hi = lowerHexDigit(value.charAt(0));
        int lo = lowerHexDigit(value.charAt(1));
        if (hi < 0 || lo < 0) {
            return filesMd5.resolve(value.substring(0, 2));
        }
        Path dir = prefixDirs[hi << 4 | lo];
        if (dir == null) {
            dir = filesMd5.resolve(value.substring(0, 2));
            prefixDirs[hi << 4 | lo] = dir;
        }
        return dir;
    }

    private static int lowerHexDigit(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    }

    public boolean exists(HashInfo hash) {
        return Files.isRegularFile(path(hash));
    }

    /**
     * Whether the object exists and is intact. A protected (0444) object is trusted; any other is
     * rehashed and protected if it matches. One that no longer matches (someone wrote through a
     * hardlink or symlink) is moved out of the way: its content is kept under its real hash, so an
     * edit made through a link is never lost, and nothing stays under a name it does not match.
     */
    public boolean isValid(HashInfo hash) {
        Path p = path(hash);
        if (installed.contains(p)) {
            return true;
        }
        if (createdDirs.contains(p.getParent()) || !p.toFile().isFile()) {
            // java.io answers a miss without the two exceptions java.nio throws (costly per object on big adds)
            return false;
        }
        try {
            FileStat stat = FileStat.of(p);
            if (!stat.regularFile()) {
                return false;
            }
            if (stat.mode() == PROTECTED_MODE) {
                return true;
            }
            return verifyContent(hash);
        } catch (IOException e) {
            return false;
        }
    }

    /** The object and, for a directory, its manifest and every member are in the cache, intact. */
    public boolean isComplete(HashInfo hash) {
        if (!isValid(hash)) {
            return false;
        }
        if (!hash.isDir()) {
            return true;
        }
        DirManifest manifest;
        try {
            manifest = loadDir(hash);
        } catch (DvcException e) {
            return false;
        }
        if (manifest == null) {
            return false;
        }
        Set<String> md5s = new HashSet<>();
        for (DirManifest.Entry e : manifest.entries()) {
            md5s.add(e.md5());
        }
        return missing(hash.name(), md5s).isEmpty();
    }

    /**
     * Which of these objects are absent. Large sets are answered by listing the 2-character prefix
     * directories (one readdir each) instead of a stat per object.
     */
    public Set<String> missing(String algorithm, Collection<String> values) {
        Map<String, List<String>> byPrefix = new HashMap<>();
        for (String v : values) {
            byPrefix.computeIfAbsent(v.substring(0, 2), k -> new ArrayList<>()).add(v);
        }
        Set<String> missing = ConcurrentHashMap.newKeySet();
        byPrefix.entrySet().parallelStream().forEach(e -> {
            Path dir = path(new HashInfo(algorithm, e.getValue().get(0))).getParent();
            if (e.getValue().size() < 8) {
                for (String v : e.getValue()) {
                    if (!Files.isRegularFile(dir.resolve(v.substring(2)))) {
                        missing.add(v);
                    }
                }
                return;
            }
            Set<String> present = new HashSet<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                for (Path p : ds) {
                    present.add(p.getFileName().toString());
                }
            } catch (IOException ex) {
                // a missing prefix directory: all of its objects are missing
            }
            for (String v : e.getValue()) {
                if (!present.contains(v.substring(2))) {
                    missing.add(v);
                }
            }
        });
        return missing;
    }

    /**
     * A digest of the names and mtimes of the object directories (files/md5/xx): deleting or adding
     * any object changes its directory's mtime, so an unchanged fingerprint means no object came or
     * went since a directory was last checked complete.
     */
    public String layoutFingerprint(HashInfo sample) {
        Path base = sample.isLegacy() ? root : root.resolve("files").resolve("md5");
        List<String> parts = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(base)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (name.length() == 2) {
                    parts.add(name + ":" + Files.getLastModifiedTime(p).to(TimeUnit.NANOSECONDS));
                }
            }
        } catch (IOException e) {
            return "unreadable:" + System.nanoTime();
        }
        Collections.sort(parts);
        return FileHasher.md5Hex(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
    }

    /** Rehashes the object whatever its mode; a mismatch is rescued under its real hash and removed. */
    public boolean verifyContent(HashInfo hash) {
        Path p = path(hash);
        try {
            String actual = FileHasher.hash(p, hash.bytesAlgorithm());
            if (actual.equals(hash.bytesDigest())) {
                Modes.chmod(p, PROTECTED_MODE);
                return true;
            }
            HashInfo real = new HashInfo(hash.name(), actual);
            if (!Files.exists(path(real))) {
                addFile(p, real, false);
            }
            remove(hash);
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Copies (or reflinks) {@code source} into the cache under {@code expected}, verifying the bytes
     * that were written. Does nothing if a valid object is already there.
     */
    public void addFile(Path source, HashInfo expected, boolean tryReflink) throws IOException {
        Path dest = path(expected);
        if (isValid(expected)) {
            return;
        }
        Path tmp = tempIn(dest);
        try {
            String actual;
            boolean cloned = tryReflink && reflink(source, tmp);
            if (cloned) {
                actual = FileHasher.hash(tmp, expected.name());
            } else {
                actual = copyHashing(source, tmp, expected.name(), null);
            }
            if (!actual.equals(expected.value())) {
                throw new CorruptObjectException("'" + source + "' changed while it was being added to the cache"
                        + " (expected md5 " + expected.value() + ", got " + actual + ")");
            }
            if (cloned) {
                install(tmp, dest);
            } else {
                move(tmp, dest);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Copies (or reflinks) a file whose hash is not known yet into the cache in one read, naming the
     * object by the md5 of the bytes actually written. Returns that md5. {@code ahead}, if not null, is
     * the hash of the source already under way: it is taken instead of reading the source again.
     */
    public String addFileHashing(Path source, String algorithm, boolean tryReflink, HashAhead ahead)
            throws IOException {
        Path staging = root.resolve("files").resolve("md5").resolve("staging");
        Path tmp = tempIn(staging);
        try {
            String actual;
            boolean cloned = tryReflink && reflink(source, tmp);
            if (cloned) {
                actual = ahead != null ? awaitUnchanged(ahead, source, tmp) : FileHasher.hash(tmp, algorithm);
            } else {
                actual = copyHashing(source, tmp, algorithm, ahead);
            }
            HashInfo hash = new HashInfo(algorithm, actual);
            Path dest = path(hash);
            if (isValid(hash)) {
                return actual;
            }
            ensureDir(dest.getParent());
            if (cloned) {
                install(tmp, dest);
            } else {
                move(tmp, dest);
            }
            return actual;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Makes the workspace file itself the cache object via a hardlink (cache.type = hardlink), after
     * checking it is still the state that was hashed.
     */
    public void addByHardlink(Path source, HashInfo expected, FileStat hashedStat) throws IOException {
        Path dest = path(expected);
        if (isValid(expected)) {
            return;
        }
        Path tmp = tempIn(dest);
        try {
            Files.createLink(tmp, source);
            FileStat now = FileStat.of(tmp);
            if (!now.unchangedSince(hashedStat)) {
                throw new CorruptObjectException("'" + source + "' changed while it was being added to the cache");
            }
            install(tmp, dest);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Stores bytes (a .dir manifest, a downloaded object) after checking their md5. */
    public void addBytes(byte[] content, HashInfo expected) throws IOException {
        String actual = FileHasher.md5Hex(content);
        String wanted = expected.isDir()
                ? expected.value().substring(0, expected.value().length() - 4)
                : expected.value();
        if (!actual.equals(wanted)) {
            throw new CorruptObjectException("content does not match " + expected.value() + " (md5 " + actual + ")");
        }
        storeVerified(content, expected);
    }

    /** Hashes bytes read from a workspace file and stores them under that hash; returns it. */
    public String addContent(byte[] content, String algorithm) throws IOException {
        String hash = FileHasher.md5Hex(content);
        storeVerified(content, new HashInfo(algorithm, hash));
        return hash;
    }

    private void storeVerified(byte[] content, HashInfo hash) throws IOException {
        Path dest = path(hash);
        if (isValid(hash)) {
            return;
        }
        Path tmp = tempIn(dest);
        boolean stored = false;
        try {
            try (SeekableByteChannel out = createProtected(tmp)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    out.write(buf);
                }
            }
            move(tmp, dest);
            stored = true;
        } finally {
            if (!stored) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /**
     * Stores a stream (a download), hashing it on the way and installing it only if it matches. Past the
     * first chunk, receiving overlaps hashing and writing (see {@link PipedCopy}).
     */
    public void addStream(InputStream in, HashInfo expected) throws IOException {
        Path dest = path(expected);
        Path tmp = tempIn(dest);
        boolean stored = false;
        try {
            String actual;
            byte[] first = in.readNBytes(PipedCopy.CHUNK);
            try (SeekableByteChannel out = createProtected(tmp)) {
                if (first.length < PipedCopy.CHUNK) {
                    MessageDigest md = FileHasher.newMd5();
                    md.update(first);
                    ByteBuffer b = ByteBuffer.wrap(first);
                    while (b.hasRemaining()) {
                        out.write(b);
                    }
                    actual = FileHasher.hex(md);
                } else {
                    InputStream all = new SequenceInputStream(new ByteArrayInputStream(first), in);
                    actual = new PipedCopy(all, "download of " + expected.value(), out).run();
                }
            }
            String wanted = expected.bytesDigest();
            if (expected.isLegacy() && !expected.isDir()) {
                actual = FileHasher.hash(tmp, HashInfo.MD5_DOS2UNIX);
            }
            if (!actual.equals(wanted)) {
                throw new CorruptObjectException("downloaded object " + expected.value() + " has md5 " + actual);
            }
            if (expected.isDir()) {
                try {
                    parseManifest(Files.readString(tmp), expected.value());
                } catch (DvcException e) {
                    throw new CorruptObjectException("downloaded directory object refused: " + e.getMessage());
                }
            }
            move(tmp, dest);
            stored = true;
        } finally {
            if (!stored) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /**
     * Stores a stream whose hash is not known yet (a file imported from a URL) under the md5 of the
     * bytes received, and returns that md5.
     */
    public String addStreamHashing(InputStream in) throws IOException {
        Path tmp = tempIn(root.resolve("files").resolve("md5").resolve("staging"));
        boolean stored = false;
        try {
            String actual;
            try (SeekableByteChannel out = createProtected(tmp)) {
                actual = new PipedCopy(in, "download", out).run();
            }
            HashInfo hash = new HashInfo(HashInfo.MD5, actual);
            if (!isValid(hash)) {
                Path dest = path(hash);
                ensureDir(dest.getParent());
                move(tmp, dest);
                stored = true;
            }
            return actual;
        } finally {
            if (!stored) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private boolean reflink(Path source, Path target) {
        if (!reflinkWorks) {
            return false;
        }
        boolean ok = NativeFs.reflink(source, target);
        if (!ok) {
            reflinkWorks = false;
        }
        return ok;
    }

    private void install(Path tmp, Path dest) throws IOException {
        Modes.chmod(tmp, PROTECTED_MODE);
        move(tmp, dest);
    }

    /** The rename that makes a verified, protected temp file an object. */
    private void move(Path tmp, Path dest) throws IOException {
        AtomicWrite.rename(tmp, dest);
        installed.add(dest);
    }

    /** A new file created read-only (0444) in one call: writable through this channel, protected once closed. */
    static SeekableByteChannel createProtected(Path tmp) throws IOException {
        return Files.newByteChannel(tmp, CREATE_NEW, PROTECTED);
    }

    private static final Set<StandardOpenOption> CREATE_NEW =
            Collections.unmodifiableSet(EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
    private static final FileAttribute<?> PROTECTED =
            PosixFilePermissions.asFileAttribute(Modes.toPermissions(PROTECTED_MODE));

    /** A temp name beside {@code dest} in a cache directory that is created at most once per run. */
    private Path tempIn(Path dest) throws IOException {
        ensureDir(dest.getParent());
        return dest.resolveSibling(AtomicWrite.tempName());
    }

    /**
     * How old a temp file in the cache must be to count as a killed writer's. Zero when the caller holds
     * the repository lock on a cache only this repository uses: then no one else can be writing it.
     */
    private volatile Duration staleTempAge = Duration.ofHours(1);

    public void setStaleTempAge(Duration age) {
        staleTempAge = age;
    }

    /** Removes killed writers' temp files from every object directory (gc does this); returns how many. */
    public int sweepStaleTemps() {
        int removed = StaleTemps.sweep(root, staleTempAge);
        for (Path base : List.of(filesMd5, root)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(
                    base, p -> p.getFileName().toString().length() == 2 && Files.isDirectory(p))) {
                for (Path d : ds) {
                    removed += StaleTemps.sweep(d, staleTempAge);
                }
            } catch (IOException e) {
                // no such directory yet
            }
        }
        return removed;
    }

    private void ensureDir(Path dir) throws IOException {
        if (!knownDirs.contains(dir)) {
            if (Files.isDirectory(dir)) {
                // the first write into an existing object directory this run clears what a killed run left there
                StaleTemps.sweep(dir, staleTempAge);
            } else {
                GroupDirs.create(dir.getParent(), sharedGroup);
                if (GroupDirs.createDirectory(dir, sharedGroup)) {
                    createdDirs.add(dir);
                }
            }
            knownDirs.add(dir);
        }
    }

    /**
     * Copies {@code source} to a new protected {@code target} and returns the md5 of what was copied: the
     * kernel copies on a thread of its own while this one hashes the same bytes (or waits for
     * {@code ahead}, their hash already under way), so a big file costs little more than its md5. The
     * copy runs at a lower priority: it takes a third of the hash's time, and on a busy machine (Maven's
     * JIT compilers still at work) the hash, the longer of the two, should not be the one kept waiting.
     * A source that changes meanwhile is refused by its stat. The copy goes through the page cache, as
     * dvc's does: direct writes (O_DIRECT) cost a tenth of its CPU but did not make the hash beside
     * them faster, and on a VM the bytes then waited in the host's cache, which the state database's
     * sync at close paid for (1.4 s for 1 GiB).
     */
    static String copyHashing(Path source, Path target, String algorithm, HashAhead ahead) throws IOException {
        if (HashInfo.MD5_DOS2UNIX.equals(algorithm)) {
            if (ahead != null) {
                ahead.cancel();
            }
            Files.copy(source, target);
            Modes.chmod(target, PROTECTED_MODE);
            return FileHasher.hash(target, algorithm);
        }
        FileStat before = ahead != null ? ahead.startStat() : FileStat.of(source);
        FutureTask<Void> copy = new FutureTask<>(() -> {
            NativeFs.lowerCurrentThreadPriority();
            try (SeekableByteChannel out = createProtected(target)) {
                FileCopy.copy(source, (FileChannel) out);
            }
            return null;
        });
        Thread copier = DaemonThreads.start("dvc-cache-copy", copy);
        String actual;
        try {
            actual = ahead != null ? ahead.await() : FileHasher.hash(source, algorithm);
            copy.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while copying " + source + " into the cache");
        } finally {
            DaemonThreads.stop(copier);
            if (ahead != null) {
                ahead.cancel();
            }
        }
        checkUnchanged(source, before, target);
        return actual;
    }

    /** The hash under way of a source that was reflinked to {@code target}, if the source kept its stat. */
    private static String awaitUnchanged(HashAhead ahead, Path source, Path target) throws IOException {
        String actual;
        try {
            actual = ahead.await();
        } finally {
            ahead.cancel();
        }
        checkUnchanged(source, ahead.startStat(), target);
        return actual;
    }

    private static void checkUnchanged(Path source, FileStat before, Path target) throws IOException {
        FileStat after = FileStat.of(source);
        if (!after.unchangedSince(before) || Files.size(target) != after.size()) {
            throw new CorruptObjectException("'" + source + "' changed while it was being added to the cache");
        }
    }

    /** Loads a .dir manifest from the cache; null if missing or unreadable. */
    public DirManifest loadDir(HashInfo hash) {
        Path p = path(hash);
        String json;
        try {
            json = Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
        return parseManifest(json, hash.value());
    }

    /**
     * Whether a path component names a git directory the way git's {@code verify_path} sees it: any
     * case, trailing dots and spaces (Windows drops them), ignorable Unicode (HFS+ drops it), the 8.3
     * short name {@code git~1}.
     */
    static boolean isGitDirName(String component) {
        boolean ascii = component.chars().allMatch(ch -> ch < 0x80);
        if (component.length() < 4
                || (ascii && component.toLowerCase(Locale.ROOT).indexOf("git") < 0)) {
            return false;
        }
        String c = component
                .replaceAll("[\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u206F\\uFEFF]", "")
                .replaceAll("[. ]+$", "")
                .toLowerCase(Locale.ROOT);
        return c.equals(".git") || c.equals("git~1");
    }

    /** Parses a .dir object; relpaths that could escape the directory are refused. */
    public static DirManifest parseManifest(String json, String name) {
        Object parsed;
        try {
            parsed = JsonParser.parse(json);
        } catch (IllegalArgumentException e) {
            throw new CorruptObjectException("directory object " + name + " is corrupted: " + e.getMessage());
        }
        if (!(parsed instanceof List<?> list)) {
            throw new CorruptObjectException("directory object " + name + " is corrupted: not a list");
        }
        List<DirManifest.Entry> entries = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m)
                    || !(m.get("relpath") instanceof String rel)
                    || !(m.get("md5") instanceof String md5)) {
                throw new CorruptObjectException("directory object " + name + " has an entry without relpath/md5");
            }
            if (rel.isEmpty()
                    || rel.startsWith("/")
                    || rel.contains("\\")
                    || rel.contains("\0")
                    || List.of(rel.split("/", -1)).stream()
                            .anyMatch(s -> s.isEmpty() || s.equals("..") || s.equals("."))) {
                throw new CorruptObjectException("directory object " + name + " has an unsafe path '" + rel + "'");
            }
            if (List.of(rel.split("/")).stream().anyMatch(ObjectStore::isGitDirName)) {
                throw new CorruptObjectException("directory object " + name + " lists '" + rel + "', inside a .git"
                        + " directory: refused, as git refuses .git in trees (checked out, it would be a repository"
                        + " whose config runs commands)");
            }
            entries.add(new DirManifest.Entry(rel, md5.toLowerCase(Locale.ROOT)));
        }
        return new DirManifest(entries);
    }

    /**
     * Makes a workspace file at {@code dest} (whose directory exists) from the object, with the first
     * link type that works.
     */
    public LinkType link(HashInfo hash, Path dest, List<LinkType> types, boolean isexec) throws IOException {
        Path obj = path(hash);
        IOException last = null;
        for (LinkType type : types) {
            if (type == LinkType.REFLINK && !reflinkWorks) {
                continue;
            }
            try (AtomicWrite w = AtomicWrite.begin(dest)) {
                if (linkOnce(type, obj, w.temp(), isexec)) {
                    w.commit();
                    return type;
                }
            } catch (IOException | UnsupportedOperationException e) {
                last = e instanceof IOException io ? io : new IOException(e);
            }
        }
        throw new DvcException(
                "no cache type of " + types + " can link '" + dest + "'"
                        + (last == null ? "" : ": " + last.getMessage()),
                "set cache.type to a type this file system supports");
    }

    private boolean linkOnce(LinkType type, Path obj, Path tmp, boolean isexec) throws IOException {
        switch (type) {
            case REFLINK -> {
                if (!reflink(obj, tmp)) {
                    return false;
                }
                Modes.chmod(tmp, Umask.writableFileMode() | (isexec ? 0100 : 0));
                return true;
            }
            case HARDLINK -> {
                if (Files.size(obj) == 0) {
                    Files.createFile(tmp);
                    Modes.chmod(tmp, Umask.writableFileMode() | (isexec ? 0100 : 0));
                } else {
                    Files.createLink(tmp, obj);
                }
                return true;
            }
            case SYMLINK -> {
                Files.createSymbolicLink(tmp, obj.toAbsolutePath());
                return true;
            }
            default -> {
                FileCopy.copy(obj, tmp);
                if (isexec) {
                    // a new file already has 0666 less the umask, the writable mode
                    Modes.chmod(tmp, Umask.writableFileMode() | 0100);
                }
                return true;
            }
        }
    }

    /** Deletes an object (gc, or a corrupt one). */
    public void remove(HashInfo hash) throws IOException {
        // no chmod first: the name may share its inode with a valid object or a workspace file
        Files.deleteIfExists(path(hash));
    }
}
