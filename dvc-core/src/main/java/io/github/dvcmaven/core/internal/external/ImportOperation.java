package io.github.dvcmaven.core.internal.external;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.ImportOptions;
import io.github.dvcmaven.core.api.ImportResult;
import io.github.dvcmaven.core.api.RepoListener.Level;
import io.github.dvcmaven.core.api.UpdateOptions;
import io.github.dvcmaven.core.internal.format.StageChecksum;
import io.github.dvcmaven.core.internal.fs.RepoPaths;
import io.github.dvcmaven.core.internal.pipeline.DvcFileStage;
import io.github.dvcmaven.core.internal.pipeline.Output;
import io.github.dvcmaven.core.internal.repo.DvcFiles;
import io.github.dvcmaven.core.internal.repo.RepoContext;
import io.github.dvcmaven.core.internal.repo.ScmContext;
import io.github.dvcmaven.core.internal.repo.StageIndex;
import io.github.dvcmaven.core.internal.workspace.CheckoutOperation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code dvc import} and {@code dvc update}: a frozen {@code .dvc} pointer whose dependency names the
 * source repository, revision and commit ({@code rev_lock}), with the data checked out from the
 * source's cache or remote, written exactly as dvc writes it.
 */
public final class ImportOperation {
    private final RepoContext repo;

    public ImportOperation(RepoContext repo) {
        this.repo = repo;
    }

    public ImportResult run(ImportOptions opts) {
        if (opts.path() == null || opts.path().isBlank()) {
            throw new DvcException("no path to import given", "name it: -Ddvc.path=data/model.pkl");
        }
        try (ExternalRepo src = ExternalRepo.open(
                opts.url(), opts.rev(), repo.options().cwd(), repo.options().env())) {
            String srcPath = ExternalData.normalize(opts.path());
            String name = RepoPaths.name(srcPath.isEmpty() ? opts.url().replaceAll("/+$", "") : srcPath);
            String out = PointerPlacement.outPath(repo, opts.out(), name);
            String file = out + ".dvc";
            PointerPlacement.refuseOverlaps(repo, out, file, opts.force());
            repo.listener()
                    .log(Level.INFO, "Importing '" + srcPath + " (" + opts.url() + ")' -> '" + repo.display(out) + "'");
            Map<String, Object> dep = dep(
                    srcPath,
                    opts.url(),
                    opts.rev(),
                    opts.mode() == ImportOptions.Mode.NO_EXEC ? null : src.commit(),
                    opts.remote());
            DvcFileStage stage = new DvcFileStage(
                    file, RepoPaths.parent(out), List.of(newOutput(out)), List.of(dep), null, true, null, null, null);
            ScmContext scm = new ScmContext(repo);
            try {
                DvcFileStage written = materialize(stage, src, srcPath, opts.remote(), opts.mode(), opts.force(), scm);
                DvcFiles.write(repo, written, scm);
            } catch (RuntimeException e) {
                scm.rollback(e);
                throw e;
            }
            return new ImportResult(List.of(repo.display(file)), List.of(), scm.finish());
        }
    }

    /**
     * Fetches and checks out what the pointer names (unless {@code --no-download}/{@code --no-exec}) and
     * returns it with its output's hash and its own md5.
     */
    private DvcFileStage materialize(
            DvcFileStage stage,
            ExternalRepo src,
            String srcPath,
            String remote,
            ImportOptions.Mode mode,
            boolean force,
            ScmContext scm) {
        Output out = stage.outs().get(0);
        if (mode == ImportOptions.Mode.NO_EXEC) {
            scm.ignore(repo.root().resolve(out.repoPath()), false);
            return stage;
        }
        Output result = out.withHash(null, null);
        if (mode == ImportOptions.Mode.DOWNLOAD) {
            ExternalData data = new ExternalData(src, repo.cache(), repo.options());
            ExternalData.Entry entry = data.fetch(data.resolve(srcPath, remote));
            result = out.withHash(entry.hash(), entry.meta());
            scm.ignore(repo.root().resolve(out.repoPath()), entry.hash().isDir());
            new CheckoutOperation(repo).checkout(List.of(result), force, false);
        } else {
            scm.ignore(repo.root().resolve(out.repoPath()), false);
        }
        DvcFileStage withOut = stage.withOuts(List.of(result));
        return withMd5(withOut);
    }

    static DvcFileStage withMd5(DvcFileStage s) {
        DvcFileStage unsummed = new DvcFileStage(
                s.file(), s.wdir(), s.outs(), s.imports(), null, s.frozen(), s.desc(), s.meta(), s.raw());
        return new DvcFileStage(
                s.file(),
                s.wdir(),
                s.outs(),
                s.imports(),
                StageChecksum.of(unsummed),
                s.frozen(),
                s.desc(),
                s.meta(),
                s.raw());
    }

    static Output newOutput(String repoPath) {
        return new Output(
                RepoPaths.name(repoPath), repoPath, null, null, true, false, true, null, Output.Kind.OUT, Map.of());
    }

    /** The dependency entry dvc writes: {@code path}, then {@code repo} with url, rev, rev_lock, remote. */
    static Map<String, Object> dep(String path, String url, String rev, String revLock, String remote) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("url", url);
        if (rev != null && !rev.isBlank()) {
            info.put("rev", rev);
        }
        if (revLock != null) {
            info.put("rev_lock", revLock);
        }
        if (remote != null && !remote.isBlank()) {
            info.put("remote", remote);
        }
        Map<String, Object> dep = new LinkedHashMap<>();
        dep.put("path", path);
        dep.put("repo", info);
        return dep;
    }

    // ------------------------------------------------------------------ update

    public ImportResult update(UpdateOptions opts) {
        List<DvcFileStage> stages = importStages(opts);
        List<String> written = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        ScmContext scm = new ScmContext(repo);
        try {
            for (DvcFileStage st : stages) {
                if (update(st, opts, scm)) {
                    written.add(repo.display(st.file()));
                } else {
                    unchanged.add(repo.display(st.file()));
                }
            }
        } catch (RuntimeException e) {
            scm.rollback(e);
            throw e;
        }
        return new ImportResult(written, unchanged, scm.finish());
    }

    private boolean update(DvcFileStage st, UpdateOptions opts, ScmContext scm) {
        if (st.isUrlImport()) {
            return new ImportUrlOperation(repo).update(st, opts, scm);
        }
        ImportSource source = ImportSource.of(st);
        String rev = opts.rev() != null ? opts.rev() : source.rev();
        try (ExternalRepo src = source.open(repo, rev)) {
            Output current = st.outs().get(0);
            boolean sameCommit = src.commit().equals(source.revLock()) && java.util.Objects.equals(rev, source.rev());
            if (sameCommit && (current.hash() != null || !opts.download())) {
                repo.listener().log(Level.INFO, "Stage '" + repo.display(st.file()) + "' didn't change, skipping");
                return false;
            }
            repo.listener()
                    .log(
                            Level.INFO,
                            "Importing '" + source.path() + " (" + source.url() + ")' -> '"
                                    + repo.display(current.repoPath()) + "'");
            Map<String, Object> dep = dep(source.path(), source.url(), rev, src.commit(), source.remote());
            DvcFileStage next = new DvcFileStage(
                    st.file(), st.wdir(), st.outs(), List.of(dep), null, true, st.desc(), st.meta(), st.raw());
            DvcFileStage done = materialize(
                    next,
                    src,
                    source.path(),
                    source.remote(),
                    opts.download() ? ImportOptions.Mode.DOWNLOAD : ImportOptions.Mode.NO_DOWNLOAD,
                    false,
                    scm);
            DvcFiles.write(repo, done, scm);
            return true;
        }
    }

    private List<DvcFileStage> importStages(UpdateOptions opts) {
        if (opts.targets().isEmpty()) {
            throw new DvcException("nothing to update", "name the import pointers: -Ddvc.targets=data.dvc");
        }
        StageIndex index = repo.index();
        List<DvcFileStage> out = new ArrayList<>();
        for (String target : opts.targets()) {
            String rel = repo.toRepoPath(target);
            if (opts.recursive() && Files.isDirectory(repo.root().resolve(rel))) {
                for (DvcFileStage d : index.dvcFiles()) {
                    if (d.isImport() && RepoPaths.isWithin(d.file(), rel)) {
                        out.add(d);
                    }
                }
                continue;
            }
            DvcFileStage d = index.dvcFile(rel.endsWith(".dvc") ? rel : rel + ".dvc");
            if (d == null) {
                throw new DvcException(
                        "'" + target + "' is not a .dvc file of this repository",
                        "name an import pointer, e.g. -Ddvc.targets=data.dvc");
            }
            if (!d.isImport()) {
                throw new DvcException(
                        "'" + repo.display(d.file()) + "' is not an import (it has no source repository or URL)",
                        "only pointers written by `dvc import` or `dvc import-url` can be updated");
            }
            out.add(d);
        }
        return out;
    }

    /** Where a relative source url is: as dvc, from the working directory; else from the pointer's directory. */
    static Path base(RepoContext repo, String url, String pointerDir) {
        Path cwd = repo.options().cwd();
        if (ExternalRepo.isGitUrl(url) || Path.of(url).isAbsolute() || Files.isDirectory(cwd.resolve(url))) {
            return cwd;
        }
        Path fromPointer = repo.root().resolve(pointerDir);
        return Files.isDirectory(fromPointer.resolve(url)) ? fromPointer : cwd;
    }
}
