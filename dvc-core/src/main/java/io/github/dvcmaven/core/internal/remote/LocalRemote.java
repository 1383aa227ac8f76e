package io.github.dvcmaven.core.internal.remote;

import io.github.dvcmaven.core.internal.fs.AtomicWrite;
import io.github.dvcmaven.core.internal.fs.GroupDirs;
import io.github.dvcmaven.core.internal.fs.StaleTemps;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;

/** A remote that is a directory (local disk, NFS, a mounted share): writes go to a temp name, then rename. */
public final class LocalRemote implements Remote {
    private final String name;
    private final Path root;
    /** {@code shared = group}: directories 2775 and objects 0664, as dvc's local object database makes them. */
    private final boolean sharedGroup;

    private final Set<Path> sweptDirs = ConcurrentHashMap.newKeySet();

    public LocalRemote(String name, Path root, boolean sharedGroup) {
        this.name = name;
        this.root = root;
        this.sharedGroup = sharedGroup;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String url() {
        return root.toString();
    }

    private Path resolve(String key) {
        Path p = root.resolve(key).normalize();
        if (!p.startsWith(root.normalize())) {
            throw new IllegalArgumentException("key escapes the remote: " + key);
        }
        return p;
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(resolve(key));
    }

    @Override
    public boolean prefersListing() {
        return false;
    }

    @Override
    public Set<String> list(String prefix) throws IOException {
        Set<String> keys = new HashSet<>();
        Path start = prefix.isEmpty() ? root : resolve(prefix);
        if (!Files.isDirectory(start)) {
            return keys;
        }
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String name = file.getFileName().toString();
                if (!name.startsWith(".") || !name.endsWith(".tmp")) {
                    keys.add(root.relativize(file).toString().replace('\\', '/'));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return keys;
    }

    @Override
    public void upload(Path file, String key, LongConsumer sent) throws IOException {
        Path target = resolve(key);
        if (sweptDirs.add(target.getParent())) {
            // nobody holds a lock on a remote: only temps untouched for an hour are a killed push's
            StaleTemps.sweep(target.getParent(), Duration.ofHours(1));
        }
        GroupDirs.create(target.getParent(), sharedGroup);
        try (AtomicWrite w = AtomicWrite.begin(target)) {
            copy(file, w.temp(), sent);
            if (sharedGroup) {
                Files.setAttribute(w.temp(), "unix:mode", GroupDirs.FILE_MODE);
            } else {
                w.temp().toFile().setReadable(true, false);
            }
            w.commit();
        }
    }

    /** Small files in one call (the kernel copies them); big ones in chunks, each reported as it lands. */
    private static void copy(Path from, Path to, LongConsumer sent) throws IOException {
        long size = Files.size(from);
        if (size < CHUNKED_FROM) {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
            sent.accept(size);
            return;
        }
        try (FileChannel in = FileChannel.open(from);
                FileChannel out = FileChannel.open(
                        to,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE)) {
            long pos = 0;
            while (pos < size) {
                long n = in.transferTo(pos, Math.min(CHUNK, size - pos), out);
                if (n <= 0) {
                    throw new IOException(from + " ended early, at byte " + pos + " of " + size);
                }
                pos += n;
                sent.accept(n);
            }
        }
    }

    private static final long CHUNKED_FROM = 16L << 20;
    private static final long CHUNK = 16L << 20;

    @Override
    public InputStream open(String key) throws IOException {
        try {
            return Files.newInputStream(resolve(key));
        } catch (NoSuchFileException e) {
            throw new RemoteObjectMissingException(key);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(resolve(key));
    }
}
