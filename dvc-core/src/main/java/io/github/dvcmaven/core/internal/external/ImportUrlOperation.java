package io.github.dvcmaven.core.internal.external;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.HashInfo;
import io.github.dvcmaven.core.api.ImportResult;
import io.github.dvcmaven.core.api.ImportUrlOptions;
import io.github.dvcmaven.core.api.ImportUrlOptions.Mode;
import io.github.dvcmaven.core.api.RepoListener.Level;
import io.github.dvcmaven.core.api.UpdateOptions;
import io.github.dvcmaven.core.internal.cache.ObjectStore;
import io.github.dvcmaven.core.internal.event.ProgressTracker;
import io.github.dvcmaven.core.internal.format.DvcFileFormat;
import io.github.dvcmaven.core.internal.fs.FileTrees;
import io.github.dvcmaven.core.internal.fs.RepoPaths;
import io.github.dvcmaven.core.internal.pipeline.DvcFileStage;
import io.github.dvcmaven.core.internal.pipeline.Output;
import io.github.dvcmaven.core.internal.remote.Remote;
import io.github.dvcmaven.core.internal.remote.Remotes;
import io.github.dvcmaven.core.internal.remote.Transfer;
import io.github.dvcmaven.core.internal.repo.DvcFiles;
import io.github.dvcmaven.core.internal.repo.RepoContext;
import io.github.dvcmaven.core.internal.repo.ScmContext;
import io.github.dvcmaven.core.internal.workspace.CheckoutOperation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code dvc import-url} and the {@code update} of its pointers: a frozen {@code .dvc} whose dependency
 * is the URL with the checksum the source had ({@code md5} of a local file, {@code etag} of a bucket's
 * object, a tree hash for a directory), and whose output is the data as it arrived.
 */
public final class ImportUrlOperation {
    private final RepoContext repo;

    public ImportUrlOperation(RepoContext repo) {
        this.repo = repo;
    }

    public ImportResult run(ImportUrlOptions opts) {
        if (opts.url() == null || opts.url().isBlank()) {
            throw new DvcException("no URL to import given", "name it: -Ddvc.url=s3://bucket/data.csv");
        }
        if (opts.mode() != Mode.TO_REMOTE && opts.remote() != null) {
            throw new DvcException(
                    "--remote applies to --to-remote only", "add -Ddvc.toRemote=true, or drop -Ddvc.remote");
        }
        String out = PointerPlacement.outPath(repo, opts.out(), UrlLocations.name(opts.url()));
        String file = out + ".dvc";
        PointerPlacement.refuseOverlaps(repo, out, file, opts.force());
        String wdir = RepoPaths.parent(out);
        String recorded = recordedPath(opts.url(), wdir);
        repo.listener().log(Level.INFO, "Importing '" + opts.url() + "' -> '" + repo.display(out) + "'");
        DvcFileStage template = new DvcFileStage(
                file, wdir, List.of(ImportOperation.newOutput(out)), List.of(), null, true, null, null, null);
        ScmContext scm = new ScmContext(repo);
        try {
            Map<String, Object> fs = new LinkedHashMap<>(opts.fsConfig());
            DvcFiles.write(
                    repo, materialize(template, recorded, fs, opts.mode(), opts.remote(), opts.force(), scm), scm);
        } catch (RuntimeException e) {
            scm.rollback(e);
            throw e;
        }
        return new ImportResult(List.of(repo.display(file)), List.of(), scm.finish());
    }

    /** Re-imports when the source's checksum moved (or the data was never downloaded); true if it did. */
    boolean update(DvcFileStage st, UpdateOptions opts, ScmContext scm) {
        UrlDep dep = UrlDep.of(st);
        if (opts.rev() != null) {
            throw new DvcException(
                    "'" + repo.display(st.file()) + "' imports a URL; --rev applies to imports from a repository",
                    "drop -Ddvc.rev for it");
        }
        Output current = st.outs().get(0);
        try (UrlSource src = open(st, dep.path(), dep.fsConfig());
                ProgressTracker progress = tracker("Checking")) {
            if (dep.matches(src.state(progress)) && (current.hash() != null || !opts.download())) {
                repo.listener().log(Level.INFO, "Stage '" + repo.display(st.file()) + "' didn't change, skipping");
                return false;
            }
        }
        repo.listener().log(Level.INFO, "Importing '" + dep.path() + "' -> '" + repo.display(current.repoPath()) + "'");
        Mode mode = opts.download() ? Mode.DOWNLOAD : Mode.NO_DOWNLOAD;
        DvcFiles.write(repo, materialize(st, dep.path(), dep.fsConfig(), mode, null, false, scm), scm);
        return true;
    }

    /**
     * The output of a {@code --no-download} pointer, fetched from its source into the cache as {@code dvc
     * pull} does (the pointer is not rewritten); refused when the source changed since it was recorded.
     */
    public Output fetchUndownloaded(DvcFileStage st) {
        UrlDep dep = UrlDep.of(st);
        String hint = "run `mvn dvc:update -Ddvc.targets=" + repo.display(st.file()) + "`";
        if (dep.checksum() == null) {
            throw new DvcException(
                    "'" + repo.display(st.file()) + "' records no checksum of its source (written with --no-exec)",
                    hint);
        }
        try (UrlSource src = open(st, dep.path(), dep.fsConfig());
                ProgressTracker progress = tracker("Fetching")) {
            UrlSource.Fetched f = src.download(repo.cache(), jobs(), progress);
            if (!dep.matches(f.dep())) {
                throw new DvcException(
                        "'" + dep.path() + "' changed since '" + repo.display(st.file()) + "' recorded it ("
                                + dep.checksumKey() + " " + dep.checksum() + ", now "
                                + f.dep().checksum() + ")",
                        hint + " to take the new version");
            }
            return st.outs().get(0).withHash(f.out(), f.meta());
        }
    }

    private DvcFileStage materialize(
            DvcFileStage template,
            String path,
            Map<String, Object> fs,
            Mode mode,
            String remote,
            boolean force,
            ScmContext scm) {
        Output out = template.outs().get(0).withHash(null, null);
        Path outPath = repo.root().resolve(out.repoPath());
        if (mode == Mode.NO_EXEC) {
            scm.ignore(outPath, false);
            return stage(template, out, dep(null, path, fs), false);
        }
        try (UrlSource src = open(template, path, fs);
                ProgressTracker progress = tracker(mode == Mode.NO_DOWNLOAD ? "Checking" : "Importing")) {
            UrlState state;
            switch (mode) {
                case NO_DOWNLOAD -> {
                    state = src.state(progress);
                    scm.ignore(outPath, false);
                    // dvc sums the stage while the output still has its old hash, then drops the hash
                    return stage(template, template.outs().get(0), dep(state, path, fs), true)
                            .withOuts(List.of(out));
                }
                case DOWNLOAD -> {
                    UrlSource.Fetched f = src.download(repo.cache(), jobs(), progress);
                    state = f.dep();
                    out = out.withHash(f.out(), f.meta());
                    scm.ignore(outPath, f.out().isDir());
                    new CheckoutOperation(repo).checkout(List.of(out), force, false);
                }
                default -> {
                    UrlSource.Fetched f = toRemote(src, remote, progress);
                    state = f.dep();
                    out = out.withHash(f.out(), f.meta());
                    scm.ignore(outPath, f.out().isDir());
                }
            }
            return stage(template, out, dep(state, path, fs), true);
        }
    }

    /** Downloads into a staging cache beside the real one, uploads from there, and drops it. */
    private UrlSource.Fetched toRemote(UrlSource src, String remote, ProgressTracker progress) {
        Path staging;
        try {
            Path tmp = repo.dvcDir().resolve("tmp");
            Files.createDirectories(tmp);
            staging = Files.createTempDirectory(tmp, "to-remote-");
        } catch (IOException e) {
            throw new DvcException("cannot create a staging directory in .dvc/tmp: " + e.getMessage(), null, e);
        }
        try {
            ObjectStore store = new ObjectStore(staging);
            UrlSource.Fetched f = src.download(store, jobs(), progress);
            Transfer.Result r;
            String name = remote != null ? remote : Remotes.defaultName(repo.config());
            try (Remote target = Remotes.open(
                    repo.remoteOptions(name),
                    repo.options().env(),
                    repo.options().proxies())) {
                r = new Transfer(store, target, jobs(), repo.listener()).push(List.of(f.out()));
            }
            if (!r.missing().isEmpty() || !r.failed().isEmpty()) {
                throw new DvcException(
                        "uploading '" + src.url() + "' to the remote failed: "
                                + r.failed().values(),
                        "run the import again; objects already uploaded are not sent twice");
            }
            return f;
        } finally {
            FileTrees.deleteQuietly(staging);
        }
    }

    private static DvcFileStage stage(DvcFileStage template, Output out, Map<String, Object> dep, boolean summed) {
        DvcFileStage s = new DvcFileStage(
                template.file(),
                template.wdir(),
                List.of(out),
                List.of(dep),
                null,
                true,
                template.desc(),
                template.meta(),
                template.raw());
        return summed ? ImportOperation.withMd5(s) : s;
    }

    /** The entry dvc writes: checksum, size, nfiles, version_id, then {@code hash: md5}, path and fs_config. */
    static Map<String, Object> dep(UrlState state, String path, Map<String, Object> fs) {
        Map<String, Object> dep = new LinkedHashMap<>();
        if (state != null) {
            dep.put(state.checksumKey(), state.checksum());
            DvcFileFormat.putMeta(dep, state.meta());
            if (state.versionId() != null) {
                dep.put("version_id", state.versionId());
            }
        }
        dep.put("hash", HashInfo.MD5);
        dep.put("path", path);
        if (!fs.isEmpty()) {
            dep.put("fs_config", new LinkedHashMap<>(fs));
        }
        return dep;
    }

    private UrlSource open(DvcFileStage pointer, String path, Map<String, Object> fs) {
        Path base = repo.root().resolve(RepoPaths.parent(pointer.file()));
        return UrlLocations.open(path, fs, base, repo.options(), repo::remoteOptions);
    }

    /** A local path as dvc records it: absolute as given, relative from the pointer's directory. */
    private String recordedPath(String url, String wdir) {
        if (url.contains("://") || Path.of(url).isAbsolute()) {
            return url;
        }
        Path abs = repo.options().cwd().resolve(url).toAbsolutePath().normalize();
        Path rel = repo.root().resolve(wdir).toAbsolutePath().normalize().relativize(abs);
        return rel.toString().replace('\\', '/');
    }

    private int jobs() {
        return Transfer.jobs(repo.options().jobs());
    }

    private ProgressTracker tracker(String task) {
        return new ProgressTracker(repo.listener(), task, 0, "files");
    }
}
