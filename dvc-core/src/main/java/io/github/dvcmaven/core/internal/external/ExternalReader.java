package io.github.dvcmaven.core.internal.external;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.HashInfo;
import io.github.dvcmaven.core.api.RepoOptions;
import io.github.dvcmaven.core.api.TrackedFile;
import io.github.dvcmaven.core.internal.cache.ObjectStore;
import io.github.dvcmaven.core.internal.fs.DvcIgnore;
import io.github.dvcmaven.core.internal.fs.FileTrees;
import io.github.dvcmaven.core.internal.fs.RepoPaths;
import io.github.dvcmaven.core.internal.hash.DirManifest;
import io.github.dvcmaven.core.internal.metrics.RevisionMetrics;
import io.github.dvcmaven.core.internal.pipeline.Output;
import io.github.dvcmaven.core.internal.py.PyStrings;
import io.github.dvcmaven.core.internal.remote.Remote;
import io.github.dvcmaven.core.internal.remote.RemoteObjectMissingException;
import io.github.dvcmaven.core.internal.remote.Remotes;
import io.github.dvcmaven.core.internal.remote.Transfer;
import io.github.dvcmaven.core.internal.scm.GitRevisions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reading another repository's tracked files at a commit, as {@code dvc.api}, {@code dvc get} and
 * {@code dvc ls} do: streams verified against their hash from a local cache or straight from the remote,
 * listings that merge git's tree with dvc's outputs. Thread-safe: the source is read-only, the remote
 * client is opened once and shared.
 */
public final class ExternalReader implements AutoCloseable {
    private final ExternalRepo source;
    private final ObjectStore cache;
    private final Path temporaryCache;
    private final RepoOptions options;
    private final String remoteName;
    private Remote remote;

    /**
     * @param cacheDir where manifests and downloads are kept (a dvc cache, e.g. a machine-wide one); null: a
     *     temporary directory removed on close
     */
    public ExternalReader(ExternalRepo source, Path cacheDir, RepoOptions options, String remoteName) {
        this.source = source;
        this.options = options;
        this.remoteName = remoteName;
        try {
            this.temporaryCache = cacheDir == null ? Files.createTempDirectory("dvc-read-") : null;
        } catch (IOException e) {
            throw new DvcException("cannot create a temporary cache: " + e.getMessage(), null, e);
        }
        this.cache = new ObjectStore(cacheDir != null ? cacheDir : temporaryCache);
    }

    public ExternalRepo source() {
        return source;
    }

    private ExternalData data() {
        return new ExternalData(source, cache, options);
    }

    private ExternalData.Entry file(String path) {
        ExternalData.Entry e = data().resolve(path, remoteName);
        if (e.hash().isDir()) {
            throw new DvcException(
                    "'" + path + "' is a directory in '" + source.url() + "'",
                    "read one of its files, or list them with `mvn dvc:list -Ddvc.url=" + source.url() + " -Ddvc.path="
                            + path + "`");
        }
        return e;
    }

    /** The file's bytes as a stream, checked against its hash at the end; never copied whole first. */
    public InputStream open(String path) {
        ExternalData.Entry e = file(path);
        if (e.fromGit()) {
            return new ByteArrayInputStream(source.gitFile(e.path()).orElseThrow());
        }
        String what = "'" + path + "' of '" + source.url() + "'";
        try {
            for (Path local : localCopies(e.hash())) {
                if (Files.isRegularFile(local)) {
                    return new VerifiedStream(
                            Files.newInputStream(local), e.hash().bytesDigest(), what);
                }
            }
            return new VerifiedStream(
                    remote().open(Transfer.key(e.hash())), e.hash().bytesDigest(), what);
        } catch (RemoteObjectMissingException missing) {
            throw new DvcException(
                    what + " (" + e.hash().value() + ") is not on remote '" + remote.name() + "'",
                    "run `dvc push` in that repository, where the data exists",
                    missing);
        } catch (IOException io) {
            throw new DvcException("cannot read " + what + ": " + Remotes.redact(io.getMessage()), null, io);
        }
    }

    public byte[] read(String path) {
        try (InputStream in = open(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new DvcException(e.getMessage(), null, e);
        } catch (UncheckedIOException e) {
            throw new DvcException(e.getCause().getMessage(), null, e);
        }
    }

    /** {@code dvc.api.metrics_show}: the metrics files' values merged, a failure to read one failing it all. */
    public Map<String, Object> metricsShow(List<String> targets) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> byFile = RevisionMetrics.metrics(
                source.index(), targets.stream().map(ExternalData::normalize).toList(), (p, cached) -> read(p), errors);
        if (!errors.isEmpty()) {
            throw new DvcException("cannot read the metrics of '" + source.url() + "' at " + source.commit() + ": "
                    + String.join(
                            "; ",
                            errors.entrySet().stream()
                                    .map(e -> e.getKey() + ": " + e.getValue())
                                    .toList()));
        }
        return RevisionMetrics.merged(byFile);
    }

    /** {@code dvc.api.params_show}: the params files' values merged. */
    public Map<String, Object> paramsShow(List<String> targets, boolean depsOnly) {
        return RevisionMetrics.merged(RevisionMetrics.params(
                source.index(),
                source.snapshot().root(),
                depsOnly,
                targets.stream().map(ExternalData::normalize).toList(),
                true));
    }

    /** {@code dvc.api.get_url}: where the file's object lives on the remote. */
    public String url(String path) {
        ExternalData.Entry e = file(path);
        if (e.fromGit()) {
            throw new DvcException(
                    "'" + path + "' is committed to git in '" + source.url() + "', not stored on a remote",
                    "read it with open/read instead");
        }
        String base =
                String.valueOf(data().remoteOptions(e.remote()).get("url")).replaceAll("/+$", "");
        return base + "/" + Transfer.key(e.hash());
    }

    /** {@code dvc get}: the file or directory written to {@code dest}, which must not exist yet. */
    /** Writes the file or tree to {@code dest} (which must not exist) and returns the hash it was checked against. */
    public HashInfo get(String path, Path dest) {
        if (Files.exists(dest)) {
            throw new DvcException("'" + dest + "' already exists", "remove it, or name another place with -Ddvc.out");
        }
        ExternalData d = data();
        ExternalData.Entry e = d.fetch(d.resolve(path, remoteName));
        CacheExport.copyOut(cache, e.hash(), e.meta().isexec(), dest, path);
        return e.hash();
    }

    /**
     * {@code dvc ls}: the entries of {@code path} ("" for the top): a file lists itself; a directory its
     * children, or with {@code recursive} every file below it.
     */
    public List<TrackedFile> list(String path, boolean recursive, boolean dvcOnly) {
        String p = ExternalData.normalize(path);
        TreeMap<String, TrackedFile> all = new TreeMap<>(PyStrings::compareCodePoints);
        DvcIgnore ignore = new DvcIgnore(source.snapshot().root());
        for (GitRevisions.TreeFile f : source.gitFiles()) {
            if (f.path().startsWith(".dvc/") || ignore.isIgnored(f.path(), false)) {
                continue;
            }
            all.put(f.path(), new TrackedFile(f.path(), false, false, f.executable(), f.size(), null));
        }
        for (Output o : source.outputs()) {
            if (o.hash() == null) {
                continue;
            }
            all.put(
                    o.repoPath(),
                    new TrackedFile(
                            o.repoPath(),
                            true,
                            o.isDirHash(),
                            o.meta().isexec(),
                            o.meta().size(),
                            o.hash()));
            boolean needMembers =
                    RepoPaths.isWithin(p, o.repoPath()) || (recursive && RepoPaths.isWithin(o.repoPath(), p));
            if (o.isDirHash() && needMembers) {
                data().fetchObjects(List.of(o.hash()), o.remote(), o.repoPath(), true);
                for (DirManifest.Entry m : cache.loadDir(o.hash()).entries()) {
                    String member = o.repoPath() + "/" + m.relpath();
                    all.put(
                            member,
                            new TrackedFile(
                                    member,
                                    true,
                                    false,
                                    false,
                                    sizeIfLocal(new HashInfo(o.hash().name(), m.md5())),
                                    new HashInfo(o.hash().name(), m.md5())));
                }
            }
        }
        TrackedFile self = all.get(p);
        if (self != null && !self.isDir()) {
            return dvcOnly && !self.isOut() ? List.of() : List.of(rename(self, RepoPaths.name(p)));
        }
        Map<String, TrackedFile> below = new TreeMap<>(PyStrings::compareCodePoints);
        String prefix = p.isEmpty() ? "" : p + "/";
        for (TrackedFile f : all.values()) {
            if (!f.path().startsWith(prefix) || f.path().equals(p)) {
                continue;
            }
            String rel = f.path().substring(prefix.length());
            if (recursive) {
                if (!f.isDir() && (!dvcOnly || f.isOut())) {
                    below.put(rel, rename(f, rel));
                }
                continue;
            }
            int slash = rel.indexOf('/');
            if (slash < 0) {
                if (!dvcOnly || f.isOut()) {
                    below.put(rel, rename(f, rel));
                }
            } else {
                String dir = rel.substring(0, slash);
                TrackedFile known = all.get(prefix + dir);
                if (!below.containsKey(dir) && (!dvcOnly || f.isOut())) {
                    below.put(
                            dir,
                            known != null
                                    ? rename(known, dir)
                                    : new TrackedFile(
                                            dir,
                                            source.outputCovering(prefix + dir).isPresent(),
                                            true,
                                            false,
                                            null,
                                            null));
                }
            }
        }
        if (below.isEmpty() && self == null) {
            throw new DvcException(
                    "'" + p + "' does not exist in '" + source.url() + "' at " + source.commit(),
                    "list its top: `mvn dvc:list -Ddvc.url=" + source.url() + "`");
        }
        return new ArrayList<>(below.values());
    }

    private Long sizeIfLocal(HashInfo h) {
        try {
            for (Path p : localCopies(h)) {
                if (Files.isRegularFile(p)) {
                    return Files.size(p);
                }
            }
        } catch (IOException e) {
            // unknown, as for dvc reading a clone
        }
        return null;
    }

    private List<Path> localCopies(HashInfo h) {
        List<Path> out = new ArrayList<>();
        out.add(cache.path(h));
        Optional<Path> own = source.localCache();
        own.ifPresent(dir -> out.add(new ObjectStore(dir).path(h)));
        return out;
    }

    private static TrackedFile rename(TrackedFile f, String path) {
        return new TrackedFile(path, f.isOut(), f.isDir(), f.isExec(), f.size(), f.hash());
    }

    private synchronized Remote remote() {
        if (remote == null) {
            remote = Remotes.open(data().remoteOptions(remoteName), options.env(), options.proxies());
        }
        return remote;
    }

    @Override
    public synchronized void close() {
        if (remote != null) {
            remote.close();
        }
        source.close();
        if (temporaryCache != null) {
            FileTrees.deleteQuietly(temporaryCache);
        }
    }
}
