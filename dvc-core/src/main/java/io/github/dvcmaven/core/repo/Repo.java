package io.github.dvcmaven.core.repo;

import io.github.dvcmaven.core.DaemonThreads;
import io.github.dvcmaven.core.api.AddOptions;
import io.github.dvcmaven.core.api.AddResult;
import io.github.dvcmaven.core.api.CacheCheck;
import io.github.dvcmaven.core.api.CheckoutResult;
import io.github.dvcmaven.core.api.CloudStatus;
import io.github.dvcmaven.core.api.CommitResult;
import io.github.dvcmaven.core.api.DagRenderer;
import io.github.dvcmaven.core.api.DataDiff;
import io.github.dvcmaven.core.api.DataStatus;
import io.github.dvcmaven.core.api.DataStatusOptions;
import io.github.dvcmaven.core.api.DiffReport;
import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.GcOptions;
import io.github.dvcmaven.core.api.GcResult;
import io.github.dvcmaven.core.api.InitResult;
import io.github.dvcmaven.core.api.MetricsReport;
import io.github.dvcmaven.core.api.MissingCacheException;
import io.github.dvcmaven.core.api.NotARepoException;
import io.github.dvcmaven.core.api.PlotsReport;
import io.github.dvcmaven.core.api.RepoListener;
import io.github.dvcmaven.core.api.RepoOptions;
import io.github.dvcmaven.core.api.ReproOptions;
import io.github.dvcmaven.core.api.ReproResult;
import io.github.dvcmaven.core.api.StatusOptions;
import io.github.dvcmaven.core.api.StatusReport;
import io.github.dvcmaven.core.api.SyncOptions;
import io.github.dvcmaven.core.cache.LinkType;
import io.github.dvcmaven.core.cache.ObjectStore;
import io.github.dvcmaven.core.config.ConfigFiles;
import io.github.dvcmaven.core.config.DvcConfig;
import io.github.dvcmaven.core.fs.DvcIgnore;
import io.github.dvcmaven.core.fs.TreeWalker;
import io.github.dvcmaven.core.hash.ContentHasher;
import io.github.dvcmaven.core.pipeline.Dag;
import io.github.dvcmaven.core.remote.Remotes;
import io.github.dvcmaven.core.scm.Git;
import io.github.dvcmaven.core.scm.GitHooks;
import io.github.dvcmaven.core.state.StateDb;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;

/**
 * A dvc repository: the one entry point front ends use. {@code Repo.open(dir).status(targets)}.
 * Operations take the repository lock for their duration, exactly as dvc does, so both tools can
 * work on the same checkout without corrupting each other.
 */
public final class Repo implements AutoCloseable {
    public static final String DVC_DIR = ".dvc";

    private final Path root;
    private final Path dvcDir;
    private final RepoOptions options;
    private volatile DvcConfig config;
    private final ObjectStore cache;
    private final StateDb state;
    private final DvcIgnore ignore;
    private final ForkJoinPool pool;
    private final ContentHasher hasher;
    private Optional<Git> git;
    private final List<LinkType> linkTypes;

    private Repo(Path root, RepoOptions options) {
        this.root = root;
        this.dvcDir = root.resolve(DVC_DIR);
        this.options = options;
        this.config = DvcConfig.load(ConfigFiles.forRepo(dvcDir, options.env()));
        String cacheDir = config.get("cache", "dir").orElse(null);
        this.cache = new ObjectStore(cacheDir == null ? dvcDir.resolve("cache") : Paths.get(cacheDir),
                ObjectStore.parseShared(config.get("cache", "shared").orElse(null), "cache.shared"));
        if (cacheDir == null) {
            // only this repository writes its own cache, and only under the lock its writers hold
            cache.setStaleTempAge(Duration.ZERO);
        }
        this.state = new StateDb(dvcDir.resolve("tmp").resolve("dvc-maven").resolve("state.db"),
                why -> options.listener().log(RepoListener.Level.WARN, why));
        this.ignore = new DvcIgnore(root);
        int jobs = options.jobs() > 0 ? options.jobs()
                : config.getInt("core", "checksum_jobs").orElse(Runtime.getRuntime().availableProcessors());
        this.pool = new ForkJoinPool(Math.max(1, jobs));
        this.hasher = new ContentHasher(state, new TreeWalker(ignore, pool), pool, options.listener());
        this.linkTypes = LinkType.parse(config.getList("cache", "type"));
    }

    public static Repo open(Path start) {
        return open(start, RepoOptions.defaults().withCwd(start));
    }

    public static Repo open(Path start, RepoOptions options) {
        return new Repo(findRoot(start), options);
    }

    /** The nearest directory at or above {@code start} that has a {@code .dvc} directory. */
    public static Path findRoot(Path start) {
        Path dir = start.toAbsolutePath().normalize();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(DVC_DIR))) {
                return p;
            }
        }
        throw new NotARepoException("you are not inside of a DVC repository (checked " + dir + " and its parents)");
    }

    /** Creates a repository in {@code dir}, as {@code dvc init} does. */
    public static InitResult init(Path dir, boolean noScm, boolean force) {
        return Init.run(dir.toAbsolutePath().normalize(), noScm, force);
    }

    // ------------------------------------------------------------------ operations

    public AddResult add(List<String> targets, AddOptions opts) {
        AddOperation add = new AddOperation(this);
        try {
            List<String> expanded = add.prepare(targets, opts);
            return lockedHashing(() -> add.run(expanded, opts));
        } finally {
            hasher.cancelAheads();
        }
    }

    public StatusReport status(List<String> targets) {
        return status(StatusOptions.of(targets));
    }

    public StatusReport status(StatusOptions opts) {
        return lockedHashing(() -> new StatusOperation(this).run(opts));
    }

    public CheckoutResult checkout(List<String> targets, boolean force, boolean relink) {
        return lockedHashing(() -> new CheckoutOperation(this).run(targets, force, relink));
    }

    public CommitResult commit(List<String> targets, boolean force) {
        return lockedHashing(() -> new CommitOperation(this).run(targets, force));
    }

    public ReproResult repro(List<String> targets, ReproOptions opts) {
        return lockedHashing(() -> new ReproOperation(this).run(targets, opts));
    }

    /** Uploads what the targets' pointers and locks name to the remote; returns how many objects were sent. */
    public int push(List<String> targets, String remote, boolean runCache) {
        return push(SyncOptions.of(targets).withRemote(remote).withRunCache(runCache));
    }

    public int push(SyncOptions opts) {
        return locked(() -> new DataSync(this).push(opts));
    }

    /** Downloads what the targets need into the cache; returns how many objects were fetched. */
    public int fetch(List<String> targets, String remote, boolean runCache) {
        return fetch(SyncOptions.of(targets).withRemote(remote).withRunCache(runCache));
    }

    public int fetch(SyncOptions opts) {
        return locked(() -> new DataSync(this).fetch(opts));
    }

    /** fetch, then checkout. */
    public CheckoutResult pull(List<String> targets, String remote, boolean force, boolean runCache) {
        return pull(SyncOptions.of(targets).withRemote(remote).withRunCache(runCache), force);
    }

    /**
     * fetch (of the scope's revisions too), then checkout of the workspace; the result's
     * {@link CheckoutResult#pullSummary()} is dvc's last line.
     */
    public CheckoutResult pull(SyncOptions opts, boolean force) {
        return lockedHashing(() -> {
            int fetched = new DataSync(this).fetch(opts, false);
            try {
                return new CheckoutOperation(this).run(opts.targets(), force, false).afterFetching(fetched);
            } catch (MissingCacheException e) {
                throw new MissingCacheException(e.paths(), e.partialResult().afterFetching(fetched));
            }
        });
    }

    /** Rehashes every object in the cache; corrupted ones are listed, and removed when {@code remove}. */
    public CacheCheck verifyCache(boolean remove) {
        return locked(() -> new GcOperation(this).verify(remove));
    }

    /** Removes cached (and with cloud, remote) objects nothing in the chosen revisions uses; a dry run unless forced. */
    public GcResult gc(GcOptions opts) {
        return locked(() -> new GcOperation(this).run(opts));
    }

    /** dvc status -c: what differs between the cache and the remote. */
    public Map<String, String> cloudStatus(List<String> targets, String remote) {
        return cloudStatus(SyncOptions.of(targets).withRemote(remote)).toDvcMap();
    }

    /** dvc status -c over a scope, without downloading data (only directory manifests the cache lacks). */
    public CloudStatus cloudStatus(SyncOptions opts) {
        return locked(() -> new DataSync(this).cloudStatus(opts));
    }

    /**
     * A remote's effective options: the dvc config levels merged, {@code remote://} resolved, then the
     * front end's overrides for that remote (e.g. Maven settings.xml credentials) on top.
     */
    public Map<String, Object> remoteOptions(String name) {
        Map<String, Object> opts = new LinkedHashMap<>(Remotes.options(config, name));
        Map<String, Object> over = options.remoteOverrides().get(String.valueOf(opts.get("name")));
        if (over != null) {
            opts.putAll(over);
        }
        return opts;
    }

    /** dvc diff: tracked data changed between two revisions (null b: the workspace). */
    public DataDiff diff(String a, String b, List<String> targets, boolean hideMissing) {
        return lockedHashing(() -> new DiffOperation(this).run(a == null ? "HEAD" : a, b, targets, hideMissing));
    }

    /** dvc data status. */
    public DataStatus dataStatus(DataStatusOptions opts) {
        return lockedHashing(() -> new DataStatusOperation(this).run(opts));
    }

    /**
     * Installs git hooks (hook name → script body) in the git repository around this one, as
     * {@code dvc install} does; returns the files written.
     */
    public List<Path> installHooks(Map<String, String> hooks, boolean force) {
        Git g = git().orElseThrow(() -> new DvcException("dvc install needs a git repository",
                "run `git init` first; a repository without git has no hooks"));
        return GitHooks.install(g, hooks, force);
    }

    /** dvc metrics show for a revision (null: the workspace). */
    public MetricsReport metricsShow(String rev) {
        return new MetricsOperation(this).show(rev);
    }

    /** dvc metrics diff between two revisions (null b: the workspace). */
    public DiffReport metricsDiff(String a, String b, boolean all) {
        return new MetricsOperation(this).metricsDiff(a, b, all);
    }

    /** dvc params diff between two revisions (null b: the workspace). */
    public DiffReport paramsDiff(String a, String b, boolean all) {
        return new MetricsOperation(this).paramsDiff(a, b, all);
    }

    /** Remote configuration (add, modify, default, remove, list). */
    /**
     * The plots dvc.yaml defines, rendered for each revision ({@code "workspace"} or any git revision), in
     * the order given: one revision is dvc plots show, several are dvc plots diff.
     */
    public PlotsReport plots(List<String> revisions, List<String> targets) {
        List<String> repoTargets = targets.stream().map(this::toRepoPath).toList();
        return new PlotsOperation(this).plots(revisions, repoTargets);
    }

    public RemoteConfigOperation remotes() {
        return new RemoteConfigOperation(this);
    }

    /** The pipeline graph, for {@code dag} (ASCII, Mermaid, DOT). */
    public DagRenderer dag() {
        return DagRenderer.of(new Dag(index().allStages()));
    }

    public List<String> unprotect(List<String> targets) {
        return locked(() -> new UnprotectOperation(this).run(targets));
    }

    public List<String> remove(List<String> targets, boolean removeOutputs) {
        return locked(() -> new RemoveOperation(this).run(targets, removeOutputs));
    }

    private RepoLock heldLock;

    /**
     * {@link #locked} for operations that hash workspace files: loading SQLite's native library and
     * opening the state database overlaps their reading of the stage files (others never open it).
     */
    private <T> T lockedHashing(Supplier<T> work) {
        return locked(() -> {
            state.openInBackground();
            return work.get();
        });
    }

    <T> T locked(Supplier<T> work) {
        heldLock = RepoLock.acquire(dvcDir, options.waitForLock());
        try {
            return work.get();
        } finally {
            state.flush();
            heldLock.close();
            heldLock = null;
        }
    }

    /**
     * Runs work with the repository lock released, as dvc does around stage commands, so a command may
     * itself call dvc or dvc-maven on this repository.
     */
    void unlocked(Runnable work) {
        if (heldLock == null) {
            work.run();
            return;
        }
        state.flush();
        heldLock.close();
        try {
            work.run();
        } finally {
            heldLock = RepoLock.acquire(dvcDir, options.waitForLock());
        }
    }

    // ------------------------------------------------------------------ services

    public Path root() {
        return root;
    }

    public Path dvcDir() {
        return dvcDir;
    }

    public DvcConfig config() {
        return config;
    }

    /** Re-reads the config files after an edit (remote add/modify). */
    void reloadConfig() {
        config = DvcConfig.load(ConfigFiles.forRepo(dvcDir, options.env()));
    }

    public ObjectStore cache() {
        return cache;
    }

    RepoOptions options() {
        return options;
    }

    RepoListener listener() {
        return options.listener();
    }

    StateDb state() {
        return state;
    }

    DvcIgnore ignore() {
        return ignore;
    }

    ForkJoinPool pool() {
        return pool;
    }

    ContentHasher hasher() {
        return hasher;
    }

    /**
     * Opens the git repository on another thread (JGit's classes, config and index take a fifth of a
     * second) for an operation that will need it, while it reads the workspace.
     */
    synchronized void openGitInBackground() {
        if (gitOpener != null) {
            return;
        }
        gitOpener = DaemonThreads.start("dvc-git-open", () -> {
            try {
                git().ifPresent(Git::readIndex);
            } catch (RuntimeException e) {
                // the operation's own call reports it
            }
        });
    }

    /** Joined on close: no thread of this repository outlives the goal (or the plugin's class realm). */
    private Thread gitOpener;

    /** The surrounding git repository, opened on first use (status never needs it). */
    synchronized Optional<Git> git() {
        if (git == null) {
            boolean noScm = config.getBoolean("core", "no_scm", false);
            git = noScm ? Optional.empty() : Git.find(root);
        }
        return git;
    }

    List<LinkType> linkTypes() {
        return linkTypes;
    }

    StageIndex index() {
        return StageIndex.load(root, ignore, config);
    }

    /** A user-given path (relative to the cwd) as a posix path from the repo root. */
    String toRepoPath(String target) {
        Path abs = options.cwd().resolve(target).toAbsolutePath().normalize();
        if (!abs.startsWith(root)) {
            throw new DvcException("'" + target + "' is outside of the repository " + root);
        }
        return root.relativize(abs).toString().replace(File.separatorChar, '/');
    }

    /** A repo path as dvc prints it: relative to the cwd, with OS separators. */
    String display(String repoPath) {
        Path abs = repoPath.isEmpty() ? root : root.resolve(repoPath);
        String rel = options.cwd().relativize(abs).toString();
        return rel.isEmpty() ? "." : rel;
    }

    @Override
    public void close() {
        Thread opener;
        synchronized (this) {
            opener = gitOpener;
        }
        if (opener != null) {
            DaemonThreads.stop(opener);
        }
        state.close();
        pool.shutdown();
        if (git != null) {
            git.ifPresent(Git::close);
        }
    }
}
