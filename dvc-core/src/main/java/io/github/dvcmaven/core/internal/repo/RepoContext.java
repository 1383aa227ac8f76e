package io.github.dvcmaven.core.internal.repo;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.NotARepoException;
import io.github.dvcmaven.core.api.Repo;
import io.github.dvcmaven.core.api.RepoListener;
import io.github.dvcmaven.core.api.RepoOptions;
import io.github.dvcmaven.core.internal.cache.LinkType;
import io.github.dvcmaven.core.internal.cache.ObjectStore;
import io.github.dvcmaven.core.internal.config.ConfigFiles;
import io.github.dvcmaven.core.internal.config.DvcConfig;
import io.github.dvcmaven.core.internal.fs.DvcIgnore;
import io.github.dvcmaven.core.internal.fs.TreeWalker;
import io.github.dvcmaven.core.internal.hash.ContentHasher;
import io.github.dvcmaven.core.internal.remote.Remotes;
import io.github.dvcmaven.core.internal.scm.Git;
import io.github.dvcmaven.core.internal.state.StateDb;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;

/**
 * What every operation on one repository works with: its root, options, config, cache, state database,
 * ignore rules, hashing pool and git repository, and the repository lock, which operations take for
 * their duration exactly as dvc does. Built by {@link Repo}; the operations receive it instead of the
 * facade. Immutable: a config edit yields a new context ({@link #withReloadedConfig()}) sharing the same
 * services, which are closed once, with the last context.
 */
public final class RepoContext implements AutoCloseable {
    public static final String DVC_DIR = ".dvc";

    private final Path root;
    private final Path dvcDir;
    private final RepoOptions options;
    private final DvcConfig config;
    private final ObjectStore cache;
    private final StateDb state;
    private final DvcIgnore ignore;
    private final ForkJoinPool pool;
    private final ContentHasher hasher;
    private final GitHandle git;
    private final LockHolder lock;
    private final List<LinkType> linkTypes;

    private RepoContext(RepoContext base, DvcConfig config) {
        this.root = base.root;
        this.dvcDir = base.dvcDir;
        this.options = base.options;
        this.config = config;
        this.cache = base.cache;
        this.state = base.state;
        this.ignore = base.ignore;
        this.pool = base.pool;
        this.hasher = base.hasher;
        this.git = base.git;
        this.lock = base.lock;
        this.linkTypes = LinkType.parse(config.getList("cache", "type"));
    }

    private RepoContext(Path root, RepoOptions options) {
        this.root = root;
        this.dvcDir = root.resolve(DVC_DIR);
        this.options = options;
        this.config = DvcConfig.load(ConfigFiles.forRepo(dvcDir, options.env()));
        String cacheDir = config.get("cache", "dir").orElse(null);
        this.cache = new ObjectStore(
                cacheDir == null ? dvcDir.resolve("cache") : Paths.get(cacheDir),
                ObjectStore.parseShared(config.get("cache", "shared").orElse(null), "cache.shared"));
        if (cacheDir == null) {
            // only this repository writes its own cache, and only under the lock its writers hold
            cache.setStaleTempAge(Duration.ZERO);
        }
        this.state = new StateDb(
                dvcDir.resolve("tmp").resolve("dvc-maven").resolve("state.db"),
                why -> options.listener().log(RepoListener.Level.WARN, why));
        this.ignore = new DvcIgnore(root);
        int jobs = options.jobs() > 0
                ? options.jobs()
                : config.getInt("core", "checksum_jobs")
                        .orElse(Runtime.getRuntime().availableProcessors());
        this.pool = new ForkJoinPool(Math.max(1, jobs));
        this.hasher = new ContentHasher(state, new TreeWalker(ignore, pool), pool, options.listener());
        this.linkTypes = LinkType.parse(config.getList("cache", "type"));
        this.git = new GitHandle(root, config.getBoolean("core", "no_scm", false));
        this.lock = new LockHolder(dvcDir, options.waitForLock(), state::flush);
    }

    public static RepoContext open(Path start, RepoOptions options) {
        return new RepoContext(findRoot(start), options);
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

    /**
     * {@link #locked} for operations that hash workspace files: loading SQLite's native library and
     * opening the state database overlaps their reading of the stage files (others never open it).
     */
    public <T> T lockedHashing(Supplier<T> work) {
        return locked(() -> {
            state.openInBackground();
            return work.get();
        });
    }

    public <T> T locked(Supplier<T> work) {
        return lock.holding(work);
    }

    /**
     * Runs work with the repository lock released, as dvc does around stage commands, so a command may
     * itself call dvc or dvc-maven on this repository.
     */
    public void unlocked(Runnable work) {
        lock.releasedFor(work);
    }

    // ------------------------------------------------------------------ services

    /**
     * A remote's effective options: the dvc config levels merged, {@code remote://} resolved, then the
     * front end's overrides for that remote (e.g. Maven settings.xml credentials) on top.
     */
    public Map<String, Object> remoteOptions(String name) {
        return Remotes.withOverrides(Remotes.options(config, name), options.remoteOverrides());
    }

    public Path root() {
        return root;
    }

    public Path dvcDir() {
        return dvcDir;
    }

    public DvcConfig config() {
        return config;
    }

    /** This context with the config files read again, after an edit (remote add/modify). */
    public RepoContext withReloadedConfig() {
        return new RepoContext(this, DvcConfig.load(ConfigFiles.forRepo(dvcDir, options.env())));
    }

    public ObjectStore cache() {
        return cache;
    }

    public RepoOptions options() {
        return options;
    }

    public RepoListener listener() {
        return options.listener();
    }

    public StateDb state() {
        return state;
    }

    public DvcIgnore ignore() {
        return ignore;
    }

    public ForkJoinPool pool() {
        return pool;
    }

    public ContentHasher hasher() {
        return hasher;
    }

    /** Opens the git repository on another thread, for an operation that will need it, while it reads the workspace. */
    public void openGitInBackground() {
        git.openInBackground();
    }

    /** The surrounding git repository, opened on first use (status never needs it). */
    public Optional<Git> git() {
        return git.get();
    }

    public List<LinkType> linkTypes() {
        return linkTypes;
    }

    public StageIndex index() {
        return StageIndex.load(root, ignore, config);
    }

    /** A user-given path (relative to the cwd) as a posix path from the repo root. */
    public String toRepoPath(String target) {
        Path abs = options.cwd().resolve(target).toAbsolutePath().normalize();
        if (!abs.startsWith(root)) {
            throw new DvcException("'" + target + "' is outside of the repository " + root);
        }
        return root.relativize(abs).toString().replace(File.separatorChar, '/');
    }

    /** A repo path as dvc prints it: relative to the cwd, with OS separators. */
    public String display(String repoPath) {
        Path abs = repoPath.isEmpty() ? root : root.resolve(repoPath);
        String rel = options.cwd().relativize(abs).toString();
        return rel.isEmpty() ? "." : rel;
    }

    @Override
    public void close() {
        git.close();
        state.close();
        pool.shutdown();
    }
}
