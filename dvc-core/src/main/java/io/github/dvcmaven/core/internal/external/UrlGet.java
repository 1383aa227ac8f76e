package io.github.dvcmaven.core.internal.external;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.RepoOptions;
import io.github.dvcmaven.core.internal.cache.ObjectStore;
import io.github.dvcmaven.core.internal.event.ProgressTracker;
import io.github.dvcmaven.core.internal.fs.FileTrees;
import io.github.dvcmaven.core.internal.remote.Transfer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code dvc get-url}: a file or directory at a URL copied to a local path, tracked by nothing. */
public final class UrlGet {
    private UrlGet() {}

    /** Returns where it was written: {@code out}, or inside it when {@code out} is a directory. */
    public static Path get(String url, String out, Map<String, String> fsConfig, RepoOptions options) {
        Path cwd = options.cwd();
        String name = UrlLocations.name(url);
        Path dest = out == null || out.isBlank() ? cwd.resolve(name) : cwd.resolve(out);
        if (Files.isDirectory(dest) && out != null && !out.isBlank()) {
            dest = dest.resolve(name);
        }
        dest = dest.toAbsolutePath().normalize();
        if (Files.exists(dest)) {
            throw new DvcException(
                    "The file '" + cwd.relativize(dest) + "' already exists locally",
                    "remove it, or name another place with -Ddvc.out");
        }
        Path staging;
        try {
            Files.createDirectories(dest.getParent());
            staging = Files.createTempDirectory(dest.getParent(), ".get-url-");
        } catch (IOException e) {
            throw new DvcException("cannot write beside '" + dest + "': " + e.getMessage(), null, e);
        }
        try (UrlSource src = UrlLocations.open(url, new LinkedHashMap<>(fsConfig), cwd, options, null);
                ProgressTracker progress = new ProgressTracker(options.listener(), "Downloading", 0, "files")) {
            ObjectStore store = new ObjectStore(staging);
            int jobs = Transfer.jobs(options.jobs());
            UrlSource.Fetched f = src.download(store, jobs, progress);
            CacheExport.copyOut(store, f.out(), f.meta().isexec(), dest, url);
            return dest;
        } finally {
            FileTrees.deleteQuietly(staging);
        }
    }
}
