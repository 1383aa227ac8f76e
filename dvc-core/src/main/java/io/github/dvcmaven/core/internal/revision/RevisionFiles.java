package io.github.dvcmaven.core.internal.revision;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.HashInfo;
import io.github.dvcmaven.core.api.RepoListener.Level;
import io.github.dvcmaven.core.internal.hash.DirManifest;
import io.github.dvcmaven.core.internal.pipeline.Output;
import io.github.dvcmaven.core.internal.remote.Remote;
import io.github.dvcmaven.core.internal.remote.Remotes;
import io.github.dvcmaven.core.internal.remote.Transfer;
import io.github.dvcmaven.core.internal.repo.RepoContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Files as a revision has them: committed to git (or in the workspace), or cached outputs named by
 * that revision's dvc.lock, read from the cache and fetched from the remote when the cache lacks them.
 */
public final class RevisionFiles {
    private final RepoContext repo;
    private final Map<String, HashInfo> dirEntries = new HashMap<>();

    public RevisionFiles(RepoContext repo) {
        this.repo = repo;
    }

    public byte[] read(RevisionSnapshot snap, String path, Output cached) throws IOException {
        Optional<byte[]> direct = snap.read(path);
        if (direct.isPresent()) {
            return direct.get();
        }
        HashInfo h = dirEntries.get(snap.name() + "\0" + path);
        if (h == null
                && !snap.isWorkspace()
                && cached != null
                && cached.cache()
                && cached.hash() != null
                && !cached.isDirHash()) {
            h = cached.hash();
        }
        if (h == null) {
            throw new DvcException("'" + path + "' does not exist" + (snap.isWorkspace() ? "" : " at " + snap.name()));
        }
        return Files.readAllBytes(cachedObject(h, cached == null ? null : cached.remote()));
    }

    /** The files of a directory output at the revision (workspace listing or the cached .dir manifest). */
    public List<String> listDir(RevisionSnapshot snap, String path, Output cached) throws IOException {
        List<String> out = new ArrayList<>();
        Path dir = snap.root().resolve(path);
        if (Files.isDirectory(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(Files::isRegularFile)
                        .sorted()
                        .forEach(f -> out.add(
                                path + "/" + dir.relativize(f).toString().replace('\\', '/')));
            }
            return out;
        }
        if (snap.isWorkspace() || cached == null || !cached.isDirHash()) {
            return out;
        }
        DirManifest manifest = repo.cache().loadDir(cachedDirObject(cached));
        for (DirManifest.Entry e : manifest.entries()) {
            String file = path + "/" + e.relpath();
            dirEntries.put(snap.name() + "\0" + file, new HashInfo(HashInfo.MD5, e.md5()));
            out.add(file);
        }
        return out;
    }

    private HashInfo cachedDirObject(Output cached) {
        cachedObject(cached.hash(), cached.remote());
        return cached.hash();
    }

    private Path cachedObject(HashInfo h, String remoteName) {
        if (!repo.cache().exists(h)) {
            fetch(h, remoteName);
        }
        return repo.cache().path(h);
    }

    private void fetch(HashInfo h, String remoteName) {
        Map<String, Object> opts = repo.remoteOptions(remoteName);
        try (Remote remote =
                Remotes.open(opts, repo.options().env(), repo.options().proxies())) {
            Transfer.Result r = new Transfer(repo.cache(), remote, 1, repo.listener()).fetch(List.of(h));
            if (!r.failed().isEmpty() || !r.missing().isEmpty()) {
                throw new DvcException(
                        "object " + h.value() + " is neither in the cache nor on remote '" + opts.get("name") + "'",
                        "run `mvn dvc:push` where it exists");
            }
        }
        repo.listener().log(Level.DEBUG, "fetched " + h.value());
    }
}
