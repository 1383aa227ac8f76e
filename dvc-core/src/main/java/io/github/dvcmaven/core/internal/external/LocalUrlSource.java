package io.github.dvcmaven.core.internal.external;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.HashInfo;
import io.github.dvcmaven.core.internal.Parallel;
import io.github.dvcmaven.core.internal.cache.ObjectStore;
import io.github.dvcmaven.core.internal.event.ProgressTracker;
import io.github.dvcmaven.core.internal.fs.FileStat;
import io.github.dvcmaven.core.internal.hash.DirManifest;
import io.github.dvcmaven.core.internal.hash.FileHasher;
import io.github.dvcmaven.core.internal.hash.Meta;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;

/** A local file or directory outside the repository, hashed as dvc hashes data (md5 per file, a .dir tree). */
record LocalUrlSource(String url, Path path) implements UrlSource {
    @Override
    public UrlState state(ProgressTracker progress) {
        return read(null, 1, progress).dep();
    }

    @Override
    public Fetched download(ObjectStore cache, int jobs, ProgressTracker progress) {
        return read(cache, jobs, progress);
    }

    /** Hashes the source; with a cache, copies each file into it in the same read. */
    private Fetched read(ObjectStore cache, int jobs, ProgressTracker progress) {
        try {
            if (Files.isRegularFile(path)) {
                FileStat stat = FileStat.of(path);
                progress.addTotal(1);
                progress.addTotalBytes(stat.size());
                String md5 = hash(path, cache, progress);
                Meta meta = Meta.file(stat.size(), stat.isExecutable());
                HashInfo hash = HashInfo.md5(md5);
                return new Fetched(new UrlState("md5", hash.value(), meta, null, List.of()), hash, meta);
            }
            if (!Files.isDirectory(path)) {
                throw new DvcException(
                        "dependency '" + url + "' does not exist", "check the path: `ls -ld " + path + "`");
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(path)) {
                files = walk.filter(Files::isRegularFile).toList();
            }
            long size = 0;
            for (Path f : files) {
                size += Files.size(f);
            }
            progress.addTotal(files.size());
            progress.addTotalBytes(size);
            List<DirManifest.Entry> entries = Collections.synchronizedList(new ArrayList<>());
            ForkJoinPool pool = new ForkJoinPool(Math.max(1, jobs));
            try {
                Parallel.forEach(pool, files, f -> {
                    try {
                        String rel = path.relativize(f).toString().replace('\\', '/');
                        entries.add(new DirManifest.Entry(rel, hash(f, cache, progress)));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } finally {
                pool.shutdown();
            }
            DirManifest manifest = new DirManifest(entries);
            byte[] bytes = manifest.toBytes();
            HashInfo tree = DirManifest.hashOf(bytes, HashInfo.MD5);
            if (cache != null) {
                cache.addBytes(bytes, tree);
            }
            Meta meta = Meta.dir(size, files.size());
            return new Fetched(new UrlState("md5", tree.value(), meta, null, List.of()), tree, meta);
        } catch (IOException | UncheckedIOException e) {
            IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            throw new DvcException("cannot read '" + url + "': " + io.getMessage(), null, io);
        }
    }

    private static String hash(Path file, ObjectStore cache, ProgressTracker progress) throws IOException {
        String md5 = cache == null
                ? FileHasher.hash(file, HashInfo.MD5, progress::advanceBytes)
                : cache.addFileHashing(file, HashInfo.MD5, true, null);
        if (cache != null) {
            progress.advanceBytes(Files.size(file));
        }
        progress.advance(1);
        return md5;
    }
}
