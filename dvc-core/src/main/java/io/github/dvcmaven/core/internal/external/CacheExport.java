package io.github.dvcmaven.core.internal.external;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.HashInfo;
import io.github.dvcmaven.core.internal.cache.LinkType;
import io.github.dvcmaven.core.internal.cache.ObjectStore;
import io.github.dvcmaven.core.internal.fs.AtomicWrite;
import io.github.dvcmaven.core.internal.fs.FileTrees;
import io.github.dvcmaven.core.internal.hash.DirManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Copies an object (a file, or a directory's members) out of a cache to a path no one tracks: {@code get}. */
final class CacheExport {
    private CacheExport() {}

    /** Writes the tree beside {@code dest} and renames it there, so a failure leaves nothing behind. */
    static void copyOut(ObjectStore cache, HashInfo hash, boolean isexec, Path dest, String what) {
        Path tmp = dest.toAbsolutePath().resolveSibling(AtomicWrite.tempName());
        try {
            Files.createDirectories(tmp.getParent());
            if (!hash.isDir()) {
                cache.link(hash, tmp, List.of(LinkType.COPY), isexec);
            } else {
                for (DirManifest.Entry m : cache.loadDir(hash).entries()) {
                    Path target = tmp.resolve(m.relpath()).normalize();
                    if (!target.startsWith(tmp)) {
                        throw new DvcException(
                                "the manifest of '" + what + "' names a path outside it: " + m.relpath());
                    }
                    Files.createDirectories(target.getParent());
                    cache.link(new HashInfo(hash.name(), m.md5()), target, List.of(LinkType.COPY), false);
                }
                Files.createDirectories(tmp);
            }
            AtomicWrite.rename(tmp, dest);
        } catch (IOException io) {
            FileTrees.deleteQuietly(tmp);
            throw new DvcException("cannot write '" + dest + "': " + io.getMessage(), null, io);
        } catch (RuntimeException failure) {
            FileTrees.deleteQuietly(tmp);
            throw failure;
        }
    }
}
