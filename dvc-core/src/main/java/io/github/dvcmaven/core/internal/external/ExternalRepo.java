package io.github.dvcmaven.core.internal.external;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.internal.config.ConfigFiles;
import io.github.dvcmaven.core.internal.config.DvcConfig;
import io.github.dvcmaven.core.internal.fs.DvcIgnore;
import io.github.dvcmaven.core.internal.fs.FileTrees;
import io.github.dvcmaven.core.internal.fs.RepoPaths;
import io.github.dvcmaven.core.internal.pipeline.Output;
import io.github.dvcmaven.core.internal.pipeline.Stage;
import io.github.dvcmaven.core.internal.remote.Remotes;
import io.github.dvcmaven.core.internal.repo.StageIndex;
import io.github.dvcmaven.core.internal.revision.RevisionSnapshot;
import io.github.dvcmaven.core.internal.scm.GitRevisions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.TagOpt;

/**
 * Another dvc repository read as a data source at one git commit, as {@code dvc import}, {@code get},
 * {@code ls} and {@code dvc.api} read it: a local directory is read in place (its own config, so its
 * {@code config.local} credentials, and its cache as the fallback remote, as dvc's
 * {@code auto-generated-upstream}); a git URL is cloned bare into a temporary directory (JGit) and its
 * config read at that commit. The pipelines, locks and pointers come from the commit, never from a work
 * tree, so what is read is exactly what {@code rev_lock} names.
 */
public final class ExternalRepo implements AutoCloseable {
    /** The remote name dvc gives a local source repository's cache when it has no default remote. */
    public static final String AUTO_REMOTE = "auto-generated-upstream";

    private static final Pattern GIT_URL = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*|^[\\w.-]+@[\\w.-]+:.*");

    private final String url;
    private final Repository git;
    private final Path clone;
    private final Path localRoot;
    private final String subdir;
    private final RevCommit commit;
    private final RevisionSnapshot snapshot;
    private final DvcConfig config;
    private final StageIndex index;
    private final List<Output> outputs;

    private ExternalRepo(
            String url,
            Repository git,
            Path clone,
            Path localRoot,
            String subdir,
            RevCommit commit,
            Map<String, String> env) {
        this.url = url;
        this.git = git;
        this.clone = clone;
        this.localRoot = localRoot;
        this.subdir = subdir;
        this.commit = commit;
        this.snapshot = RevisionSnapshot.of(git, commit, subdir, commit.getName());
        try {
            this.config = localRoot != null
                    ? DvcConfig.load(ConfigFiles.forRepo(localRoot.resolve(".dvc"), env))
                    : DvcConfig.load(ConfigFiles.forRepo(committedConfig(), env));
            this.index = StageIndex.load(snapshot.root(), new DvcIgnore(snapshot.root()), config);
            this.outputs = recordedOutputs(index);
        } catch (DvcException e) {
            snapshot.close();
            throw new DvcException(
                    "repository '" + url + "' at " + commit.getName() + ": " + e.getMessage(), e.hint(), e);
        }
    }

    /**
     * Opens {@code url} (a directory, resolved against {@code cwd}, or a git URL) at {@code rev} (null: its
     * HEAD).
     */
    public static ExternalRepo open(String url, String rev, Path cwd, Map<String, String> env) {
        if (url == null || url.isBlank()) {
            throw new DvcException("no repository url given", "name it: -Ddvc.url=https://host/repo.git or a path");
        }
        if (isGitUrl(url) && !url.startsWith("file://")) {
            return cloned(url, rev, env);
        }
        Path dir = cwd.resolve(url.startsWith("file://") ? url.substring("file://".length()) : url)
                .toAbsolutePath()
                .normalize();
        if (!Files.isDirectory(dir)) {
            throw new DvcException(
                    "repository '" + url + "' not found: no directory " + dir,
                    "give the path of a dvc repository (relative to " + cwd + ") or its git URL");
        }
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(dir.toFile());
        if (builder.getGitDir() == null) {
            throw new DvcException(
                    "repository '" + url + "' (" + dir + ") is not a git repository",
                    "imports record the git commit they came from: `git init` and commit it there first");
        }
        Repository repository;
        try {
            repository = builder.setMustExist(true).build();
        } catch (IOException | IllegalArgumentException e) {
            throw new DvcException("cannot open the git repository of '" + url + "': " + e.getMessage(), null, e);
        }
        try {
            Path top = repository.isBare()
                    ? dir
                    : repository.getWorkTree().toPath().toAbsolutePath().normalize();
            String sub =
                    repository.isBare() ? "" : top.relativize(dir).toString().replace('\\', '/');
            RevCommit commit = resolve(repository, url, rev);
            Path localRoot = repository.isBare() ? null : dir;
            return new ExternalRepo(url, repository, null, localRoot, sub, commit, env);
        } catch (RuntimeException e) {
            repository.close();
            throw e;
        }
    }

    /**
     * The commit {@code rev} (null: HEAD) names, without a clone where git can say it (ls-remote of a
     * URL's branches and tags); a local repository is opened in place.
     */
    public static String resolveCommit(String url, String rev, Path cwd, Map<String, String> env) {
        if (url != null && isGitUrl(url) && !url.startsWith("file://")) {
            if (rev != null && rev.matches("[0-9a-f]{40}")) {
                return rev;
            }
            String wanted = rev == null || rev.isBlank() ? "HEAD" : rev;
            java.util.Collection<org.eclipse.jgit.lib.Ref> refs;
            try {
                refs = org.eclipse.jgit.api.Git.lsRemoteRepository()
                        .setRemote(url)
                        .setHeads(false)
                        .setTags(false)
                        .call();
            } catch (GitAPIException | RuntimeException e) {
                throw new DvcException(
                        "cannot list the revisions of '" + url + "': " + Remotes.redact(e.getMessage()),
                        "check the URL and that this machine can reach it (`git ls-remote " + url + "`)",
                        e);
            }
            for (String name : List.of(wanted, "refs/tags/" + wanted, "refs/heads/" + wanted)) {
                for (org.eclipse.jgit.lib.Ref ref : refs) {
                    if (ref.getName().equals(name)) {
                        org.eclipse.jgit.lib.ObjectId id =
                                ref.getPeeledObjectId() != null ? ref.getPeeledObjectId() : ref.getObjectId();
                        return id.getName();
                    }
                }
            }
        }
        try (ExternalRepo r = open(url, rev, cwd, env)) {
            return r.commit();
        }
    }

    static boolean isGitUrl(String url) {
        return GIT_URL.matcher(url).matches() && !url.matches("^[A-Za-z]:[\\\\/].*");
    }

    private static ExternalRepo cloned(String url, String rev, Map<String, String> env) {
        if (url.startsWith("ssh://") || url.matches("^[\\w.-]+@[\\w.-]+:.*")) {
            throw new DvcException(
                    "repository '" + url + "': ssh git URLs are not supported",
                    "use its https:// URL, or a local clone of it (a path)");
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("dvc-erepo-");
        } catch (IOException e) {
            throw new DvcException("cannot create a directory to clone '" + url + "' into: " + e.getMessage(), null, e);
        }
        Repository repository;
        try (org.eclipse.jgit.api.Git g = org.eclipse.jgit.api.Git.cloneRepository()
                .setURI(url)
                .setDirectory(dir.toFile())
                .setBare(true)
                .setCloneAllBranches(true)
                .setTagOption(TagOpt.FETCH_TAGS)
                .call()) {
            repository = g.getRepository();
            repository.incrementOpen();
        } catch (GitAPIException | RuntimeException e) {
            FileTrees.deleteQuietly(dir);
            throw new DvcException(
                    "cannot clone '" + url + "': " + Remotes.redact(e.getMessage()),
                    "check the URL and that this machine can reach it (`git ls-remote " + url + "`)",
                    e);
        }
        try {
            return new ExternalRepo(url, repository, dir, null, "", resolve(repository, url, rev), env);
        } catch (RuntimeException e) {
            repository.close();
            FileTrees.deleteQuietly(dir);
            throw e;
        }
    }

    private static RevCommit resolve(Repository repository, String url, String rev) {
        String wanted = rev == null || rev.isBlank() ? "HEAD" : rev;
        try {
            return new GitRevisions(repository).resolve(wanted);
        } catch (DvcException e) {
            throw new DvcException(
                    "revision '" + wanted + "' does not exist in repository '" + url + "'",
                    "use a branch, tag or commit of it (`git ls-remote " + url + "` lists them)",
                    e);
        }
    }

    /** The commit's .dvc/config in a directory of the snapshot's (dvc reads a clone's config at the revision). */
    private Path committedConfig() {
        Path dvcDir = snapshot.root().resolve(".dvc");
        try {
            Optional<byte[]> conf =
                    new GitRevisions(git).file(commit, subdir.isEmpty() ? ".dvc/config" : subdir + "/.dvc/config");
            Files.createDirectories(dvcDir);
            if (conf.isPresent()) {
                Files.write(dvcDir.resolve("config"), conf.get());
            }
            return dvcDir;
        } catch (IOException e) {
            throw new DvcException("cannot read the config of '" + url + "': " + e.getMessage(), null, e);
        }
    }

    public String url() {
        return url;
    }

    /** The full SHA of the commit read: dvc's {@code rev_lock}. */
    public String commit() {
        return commit.getName();
    }

    public StageIndex index() {
        return index;
    }

    public RevisionSnapshot snapshot() {
        return snapshot;
    }

    /** Whether this is a directory on this machine (then its own cache may hold the data). */
    public Optional<Path> localRoot() {
        return Optional.ofNullable(localRoot);
    }

    /** The cache directory of a local source repository. */
    public Optional<Path> localCache() {
        if (localRoot == null) {
            return Optional.empty();
        }
        return Optional.of(config.get("cache", "dir")
                .map(Path::of)
                .orElse(localRoot.resolve(".dvc").resolve("cache")));
    }

    /**
     * The options of the remote the data comes from: the named one or the source's default; for a local
     * source without one, its cache (dvc's {@value #AUTO_REMOTE}).
     */
    public Map<String, Object> remoteOptions(String name) {
        if (name != null || Remotes.defaultName(config) != null) {
            try {
                return Remotes.options(config, name);
            } catch (DvcException e) {
                throw new DvcException("repository '" + url + "': " + e.getMessage(), e.hint(), e);
            }
        }
        if (localRoot != null) {
            Map<String, Object> auto = new LinkedHashMap<>();
            auto.put("name", AUTO_REMOTE);
            auto.put("url", localCache().orElseThrow().toString());
            return auto;
        }
        throw new DvcException(
                "repository '" + url + "' has no default remote, so its data cannot be downloaded",
                "its owners can add one (`dvc remote add -d NAME URL` there, committed), or read it from a local"
                        + " clone whose cache has the data");
    }

    /** Every output the commit records, with the hash its pointer or lock entry names. */
    public List<Output> outputs() {
        return outputs;
    }

    private static List<Output> recordedOutputs(StageIndex index) {
        List<Output> out = new ArrayList<>();
        for (Stage s : index.allStages()) {
            for (Output o : s.outs()) {
                out.add(index.recorded(s, o));
            }
        }
        return List.copyOf(out);
    }

    /** The output that is {@code path} or contains it. */
    public Optional<Output> outputCovering(String path) {
        for (Output o : outputs) {
            if (path.equals(o.repoPath()) || RepoPaths.isWithin(path, o.repoPath())) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    /** A file committed to git at this commit (path from the dvc repository's root). */
    public Optional<byte[]> gitFile(String path) {
        return new GitRevisions(git).file(commit, subdir.isEmpty() ? path : subdir + "/" + path);
    }

    /** The files git has at this commit below the dvc repository's root, paths relative to it. */
    public List<GitRevisions.TreeFile> gitFiles() {
        List<GitRevisions.TreeFile> out = new ArrayList<>();
        String prefix = subdir.isEmpty() ? "" : subdir + "/";
        for (GitRevisions.TreeFile f : new GitRevisions(git).tree(commit)) {
            if (f.path().startsWith(prefix)) {
                out.add(new GitRevisions.TreeFile(f.path().substring(prefix.length()), f.size(), f.executable()));
            }
        }
        return out;
    }

    @Override
    public void close() {
        snapshot.close();
        git.close();
        if (clone != null) {
            FileTrees.deleteQuietly(clone);
        }
    }
}
