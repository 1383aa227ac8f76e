package io.github.dvcmaven.core.internal.external;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.HashInfo;
import io.github.dvcmaven.core.api.RepoListener;
import io.github.dvcmaven.core.api.RepoOptions;
import io.github.dvcmaven.core.internal.cache.ObjectStore;
import io.github.dvcmaven.core.internal.hash.DirManifest;
import io.github.dvcmaven.core.internal.hash.FileHasher;
import io.github.dvcmaven.core.internal.hash.Meta;
import io.github.dvcmaven.core.internal.pipeline.Output;
import io.github.dvcmaven.core.internal.remote.Remote;
import io.github.dvcmaven.core.internal.remote.Remotes;
import io.github.dvcmaven.core.internal.remote.Transfer;
import io.github.dvcmaven.core.internal.scm.GitRevisions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A path of an {@link ExternalRepo} as data: which object it is (an output, a file or folder inside a
 * directory output, or something committed to git), and bringing its objects into a cache, hash-checked,
 * from the source's own cache (a local source) and then its remote.
 */
public final class ExternalData {
    /** What a source path is: its object's hash, and its size and file count once its objects are local. */
    public record Entry(String path, HashInfo hash, Meta meta, boolean fromGit, String remote) {}

    private final ExternalRepo source;
    private final ObjectStore cache;
    private final int jobs;
    private final RepoListener listener;
    private final RepoOptions options;
    private final Map<String, byte[]> gitObjects = new LinkedHashMap<>();

    /** @param options the listener, parallelism, environment, proxies and remote overrides to use */
    public ExternalData(ExternalRepo source, ObjectStore cache, RepoOptions options) {
        this.source = source;
        this.cache = cache;
        this.jobs = Transfer.jobs(options.jobs());
        this.listener = options.listener();
        this.options = options;
    }

    /** Which object {@code path} (from the source repository's root) is at the source's commit. */
    public Entry resolve(String path, String remoteName) {
        String p = normalize(path);
        Optional<Output> covering = source.outputCovering(p).filter(Output::cache);
        if (covering.isPresent()) {
            Output o = covering.get();
            if (o.hash() == null) {
                throw new DvcException(
                        "'" + p + "' has no recorded hash in '" + source.url() + "' at " + source.commit(),
                        "its pipeline has not been run and committed there (`dvc repro` and `dvc push` in it)");
            }
            String remote = remoteName != null ? remoteName : o.remote();
            if (o.repoPath().equals(p)) {
                return new Entry(p, o.hash(), o.meta(), false, remote);
            }
            if (!o.isDirHash()) {
                throw notTracked(p);
            }
            return member(o, p, remote);
        }
        return fromGit(p);
    }

    private Entry member(Output dir, String p, String remote) {
        fetchObjects(List.of(dir.hash()), remote, dir.repoPath(), true);
        DirManifest manifest = cache.loadDir(dir.hash());
        String rel = p.substring(dir.repoPath().length() + 1);
        List<DirManifest.Entry> inside = new ArrayList<>();
        for (DirManifest.Entry e : manifest.entries()) {
            if (e.relpath().equals(rel)) {
                return new Entry(p, new HashInfo(dir.hash().name(), e.md5()), Meta.EMPTY, false, remote);
            }
            if (e.relpath().startsWith(rel + "/")) {
                inside.add(new DirManifest.Entry(e.relpath().substring(rel.length() + 1), e.md5()));
            }
        }
        if (inside.isEmpty()) {
            throw notTracked(p);
        }
        DirManifest sub = new DirManifest(inside);
        HashInfo h = sub.hash(dir.hash().name());
        try {
            if (!cache.isValid(h)) {
                cache.addBytes(sub.toBytes(), h);
            }
        } catch (IOException e) {
            throw new DvcException("cannot store the manifest of '" + p + "' in the cache: " + e.getMessage(), null, e);
        }
        return new Entry(p, h, Meta.EMPTY, false, remote);
    }

    private Entry fromGit(String p) {
        Optional<byte[]> file = source.gitFile(p);
        if (file.isPresent()) {
            String md5 = FileHasher.md5Hex(file.get());
            gitObjects.put(md5, file.get());
            boolean exec = source.gitFiles().stream().anyMatch(f -> f.path().equals(p) && f.executable());
            return new Entry(p, HashInfo.md5(md5), Meta.file(file.get().length, exec), true, null);
        }
        List<DirManifest.Entry> inside = new ArrayList<>();
        long size = 0;
        for (GitRevisions.TreeFile f : source.gitFiles()) {
            if (p.isEmpty() || f.path().startsWith(p + "/")) {
                byte[] bytes = source.gitFile(f.path()).orElseThrow();
                String md5 = FileHasher.md5Hex(bytes);
                gitObjects.put(md5, bytes);
                inside.add(
                        new DirManifest.Entry(p.isEmpty() ? f.path() : f.path().substring(p.length() + 1), md5));
                size += bytes.length;
            }
        }
        if (inside.isEmpty()) {
            throw notTracked(p);
        }
        DirManifest manifest = new DirManifest(inside);
        gitObjects.put(manifest.hash().value(), manifest.toBytes());
        return new Entry(p, manifest.hash(), Meta.dir(size, inside.size()), true, null);
    }

    private DvcException notTracked(String p) {
        return new DvcException(
                "'" + p + "' is not tracked in '" + source.url() + "' at " + source.commit()
                        + " (neither a dvc output nor committed to git)",
                "`mvn dvc:list -Ddvc.url=" + source.url() + " -Ddvc.rev=" + source.commit()
                        + " -Ddvc.recursive=true` lists what it has");
    }

    /**
     * Brings every object of the entry into the cache; returns it with its size (and file count) as dvc
     * records them for an import.
     */
    public Entry fetch(Entry e) {
        if (e.fromGit()) {
            storeGitObjects();
            return e;
        }
        fetchObjects(List.of(e.hash()), e.remote(), e.path(), false);
        return new Entry(e.path(), e.hash(), localMeta(e), false, e.remote());
    }

    /** The objects' bytes, dir manifests and their members, fetched into the cache. */
    public int fetchObjects(Collection<HashInfo> objects, String remoteName, String what, boolean manifestsOnly) {
        Set<HashInfo> wanted = new LinkedHashSet<>(objects);
        int fetched = 0;
        List<String> tried = new ArrayList<>();
        DvcException unreachable = null;
        for (Map<String, Object> opts : remoteChain(remoteName)) {
            if (complete(wanted, manifestsOnly)) {
                return fetched;
            }
            tried.add(String.valueOf(opts.get("name")));
            try (Remote remote = Remotes.open(opts, options.env(), options.proxies())) {
                Transfer t = new Transfer(cache, remote, jobs, listener);
                Transfer.Result r = manifestsOnly ? t.fetchExactly(wanted) : t.fetch(wanted);
                fetched += r.transferred();
                if (!r.failed().isEmpty()) {
                    Map.Entry<HashInfo, String> f =
                            r.failed().entrySet().iterator().next();
                    throw new DvcException(
                            "cannot download " + f.getKey().value() + " of '" + what + "' from remote '" + remote.name()
                                    + "' of repository '" + source.url() + "': " + f.getValue(),
                            "check that remote's URL and credentials; objects already fetched are kept");
                }
            } catch (DvcException ex) {
                unreachable = ex;
            }
        }
        if (!complete(wanted, manifestsOnly)) {
            String message = "'" + what + "' of repository '" + source.url() + "' (" + source.commit()
                    + ") is on none of its remotes (tried: " + String.join(", ", tried) + ")";
            throw new DvcException(
                    unreachable != null ? message + ": " + unreachable.getMessage() : message,
                    "run `dvc push` in that repository, where the data exists",
                    unreachable);
        }
        return fetched;
    }

    /** The source's own cache first (a local source), then the remote the pointer or the source names. */
    private List<Map<String, Object>> remoteChain(String remoteName) {
        List<Map<String, Object>> chain = new ArrayList<>();
        Optional<Path> own = source.localCache().filter(Files::isDirectory);
        own.ifPresent(dir -> {
            Map<String, Object> opts = new LinkedHashMap<>();
            opts.put("name", ExternalRepo.AUTO_REMOTE);
            opts.put("url", dir.toString());
            chain.add(opts);
        });
        try {
            Map<String, Object> remote = remoteOptions(remoteName);
            if (own.isEmpty() || !own.get().toString().equals(remote.get("url"))) {
                chain.add(remote);
            }
        } catch (DvcException e) {
            if (chain.isEmpty()) {
                throw e;
            }
        }
        return chain;
    }

    /** The source's remote options with the front end's overrides for that name (settings.xml servers). */
    public Map<String, Object> remoteOptions(String remoteName) {
        return Remotes.withOverrides(source.remoteOptions(remoteName), options.remoteOverrides());
    }

    private boolean complete(Set<HashInfo> wanted, boolean manifestsOnly) {
        return wanted.stream().allMatch(manifestsOnly ? cache::isValid : cache::isComplete);
    }

    private void storeGitObjects() {
        for (Map.Entry<String, byte[]> o : gitObjects.entrySet()) {
            try {
                HashInfo h = HashInfo.md5(o.getKey());
                if (!cache.isValid(h)) {
                    cache.addBytes(o.getValue(), h);
                }
            } catch (IOException e) {
                throw new DvcException("cannot store a git file in the cache: " + e.getMessage(), null, e);
            }
        }
    }

    private Meta localMeta(Entry e) {
        try {
            if (!e.hash().isDir()) {
                return Meta.file(Files.size(cache.path(e.hash())), e.meta().isexec());
            }
            long size = 0;
            int n = 0;
            for (HashInfo m : Transfer.members(e.hash(), cache.loadDir(e.hash()))) {
                size += Files.size(cache.path(m));
                n++;
            }
            return Meta.dir(size, n);
        } catch (IOException ex) {
            throw new DvcException(
                    "cannot read the cached objects of '" + e.path() + "': " + ex.getMessage(), null, ex);
        }
    }

    /** A user's path inside the source repository as a posix path from its root ("" for the root). */
    static String normalize(String path) {
        String p = path == null ? "" : path.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        while (p.endsWith("/") && p.length() > 1) {
            p = p.substring(0, p.length() - 1);
        }
        return p.equals(".") ? "" : p;
    }
}
