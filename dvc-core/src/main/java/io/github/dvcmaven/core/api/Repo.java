package io.github.dvcmaven.core.api;

import io.github.dvcmaven.core.internal.external.ImportOperation;
import io.github.dvcmaven.core.internal.external.ImportUrlOperation;
import io.github.dvcmaven.core.internal.metrics.MetricsOperation;
import io.github.dvcmaven.core.internal.pipeline.Dag;
import io.github.dvcmaven.core.internal.plots.PlotsOperation;
import io.github.dvcmaven.core.internal.repo.Init;
import io.github.dvcmaven.core.internal.repo.RepoContext;
import io.github.dvcmaven.core.internal.run.CommitOperation;
import io.github.dvcmaven.core.internal.run.ReproOperation;
import io.github.dvcmaven.core.internal.scm.Git;
import io.github.dvcmaven.core.internal.scm.GitHooks;
import io.github.dvcmaven.core.internal.status.DataStatusOperation;
import io.github.dvcmaven.core.internal.status.DiffOperation;
import io.github.dvcmaven.core.internal.status.StatusOperation;
import io.github.dvcmaven.core.internal.sync.DataSync;
import io.github.dvcmaven.core.internal.sync.GcOperation;
import io.github.dvcmaven.core.internal.workspace.AddOperation;
import io.github.dvcmaven.core.internal.workspace.CheckoutOperation;
import io.github.dvcmaven.core.internal.workspace.RemoveOperation;
import io.github.dvcmaven.core.internal.workspace.UnprotectOperation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A dvc repository: the entry point of the library, {@code Repo.open(dir).status(targets)}. Each
 * operation takes the repository lock for its duration, exactly as dvc does, so both tools can work on
 * the same checkout.
 */
public final class Repo implements AutoCloseable {
    /** The directory that makes a directory a dvc repository. */
    public static final String DVC_DIR = RepoContext.DVC_DIR;

    /** Replaced, never changed, when a config edit reloads the config. */
    private volatile RepoContext ctx;

    private Repo(RepoContext ctx) {
        this.ctx = ctx;
    }

    /** Opens the repository at or above {@code start}, with default options and {@code start} as the cwd. */
    public static Repo open(Path start) {
        return open(start, RepoOptions.defaults().withCwd(start));
    }

    /**
     * Opens the repository at or above {@code start}.
     *
     * @throws NotARepoException when neither {@code start} nor a parent has a {@code .dvc} directory
     */
    public static Repo open(Path start, RepoOptions options) {
        return new Repo(RepoContext.open(start, options));
    }

    /** The nearest directory at or above {@code start} that has a {@code .dvc} directory. */
    public static Path findRoot(Path start) {
        return RepoContext.findRoot(start);
    }

    /** Creates a repository in {@code dir}, as {@code dvc init} does. */
    public static InitResult init(Path dir, InitOptions opts) {
        return Init.run(dir.toAbsolutePath().normalize(), opts.noScm(), opts.force());
    }

    /** Creates a repository in {@code dir} inside a git work tree, as a plain {@code dvc init} does. */
    public static InitResult init(Path dir) {
        return init(dir, InitOptions.defaults());
    }

    /**
     * A remote's effective options: the dvc config levels merged, {@code remote://} resolved, then the
     * front end's overrides for that remote (e.g. Maven settings.xml credentials) on top.
     */
    public Map<String, Object> remoteOptions(String name) {
        return ctx.remoteOptions(name);
    }

    /** The repository's root directory (where {@code .dvc} is). */
    public Path root() {
        return ctx.root();
    }

    /** A value of the merged dvc config ({@code section.key}, e.g. {@code plots}, {@code out_dir}). */
    public Optional<String> config(String section, String key) {
        return ctx.config().get(section, key);
    }

    @Override
    public void close() {
        ctx.close();
    }

    // ------------------------------------------------------------------ operations

    /** {@code dvc add}: tracks the targets, writing their {@code .dvc} files and caching their data. */
    public AddResult add(List<String> targets, AddOptions opts) {
        AddOperation add = new AddOperation(ctx);
        try {
            List<String> expanded = add.prepare(targets, opts);
            return ctx.lockedHashing(() -> add.run(expanded, opts));
        } finally {
            ctx.hasher().cancelAheads();
        }
    }

    /** {@code dvc status} of the targets (empty: everything), missing data reported as dvc does. */
    public StatusReport status(List<String> targets) {
        return status(StatusOptions.of(targets));
    }

    /** {@code dvc status}, or with {@link StatusOptions#allowMissing()} the data-free check of a fresh clone. */
    public StatusReport status(StatusOptions opts) {
        return ctx.lockedHashing(() -> new StatusOperation(ctx).run(opts));
    }

    /**
     * {@code dvc checkout}: restores the targets' data from the cache.
     *
     * @throws MissingCacheException when the cache lacks objects (the result so far is attached)
     */
    public CheckoutResult checkout(CheckoutOptions opts) {
        return ctx.lockedHashing(() -> new CheckoutOperation(ctx).run(opts.targets(), opts.force(), opts.relink()));
    }

    /** {@code dvc commit}: records changed outputs; a changed stage needs {@link CommitOptions#force()}, as in dvc. */
    public CommitResult commit(CommitOptions opts) {
        return ctx.lockedHashing(() -> new CommitOperation(ctx).run(opts.targets(), opts.force()));
    }

    /**
     * {@code dvc repro}: runs the stages whose dependencies changed (and what depends on them), restoring
     * known runs from the run-cache, and writes {@code dvc.lock}.
     *
     * @throws StageFailedException when a stage's command fails
     */
    public ReproResult repro(List<String> targets, ReproOptions opts) {
        return ctx.lockedHashing(() -> new ReproOperation(ctx).run(targets, opts));
    }

    /** Uploads what the targets' pointers and locks name to the remote; returns how many objects were sent. */
    public int push(SyncOptions opts) {
        return ctx.locked(() -> new DataSync(ctx).push(opts));
    }

    /** Downloads what the targets need into the cache; returns how many objects were fetched. */
    public int fetch(SyncOptions opts) {
        return ctx.locked(() -> new DataSync(ctx).fetch(opts));
    }

    /**
     * fetch (of the scope's revisions too), then checkout of the workspace; rendered by
     * {@link DvcRenderer} as dvc pull prints it.
     */
    public CheckoutResult pull(PullOptions opts) {
        return ctx.lockedHashing(() -> {
            DataSync sync = new DataSync(ctx);
            int fetched = sync.fetch(opts.sync(), false);
            try {
                return new CheckoutOperation(ctx)
                        .run(opts.sync().targets(), opts.force(), false, sync.fetchedFromSource())
                        .afterFetching(fetched);
            } catch (MissingCacheException e) {
                throw new MissingCacheException(e.paths(), e.partialResult().afterFetching(fetched));
            }
        });
    }

    /**
     * {@code dvc import-url}: a frozen pointer to a file or directory at a URL (a local path, S3, GCS,
     * Azure), recording the source's checksum, with the data downloaded now, later, or to a remote.
     */
    public ImportResult importUrl(ImportUrlOptions opts) {
        return ctx.locked(() -> new ImportUrlOperation(ctx).run(opts));
    }

    /**
     * {@code dvc import}: a frozen pointer to a path of another dvc repository at a revision, with the
     * data downloaded from that repository's remote (or, for a local one, its cache) and checked out.
     */
    public ImportResult importData(ImportOptions opts) {
        return ctx.locked(() -> new ImportOperation(ctx).run(opts));
    }

    /** {@code dvc update}: imports moved to the newest commit of their revision (or a new {@code --rev}). */
    public ImportResult update(UpdateOptions opts) {
        return ctx.locked(() -> new ImportOperation(ctx).update(opts));
    }

    /** Rehashes every object in the cache; corrupted ones are listed, and kept or removed as asked. */
    public CacheCheck verifyCache(CorruptObjects corrupt) {
        return ctx.locked(() -> new GcOperation(ctx).verify(corrupt == CorruptObjects.REMOVE));
    }

    /** Removes cached (and with cloud, remote) objects nothing in the chosen revisions uses; a dry run unless forced. */
    public GcResult gc(GcOptions opts) {
        return ctx.locked(() -> new GcOperation(ctx).run(opts));
    }

    /** dvc status -c over a scope, without downloading data (only directory manifests the cache lacks). */
    public CloudStatus cloudStatus(SyncOptions opts) {
        return ctx.locked(() -> new DataSync(ctx).cloudStatus(opts));
    }

    /** dvc diff: tracked data changed between two revisions (or a revision and the workspace). */
    public DataDiff diff(DiffOptions opts) {
        String a = opts.a() == null ? "HEAD" : opts.a();
        return ctx.lockedHashing(() -> new DiffOperation(ctx).run(a, opts.b(), opts.targets(), opts.hideMissing()));
    }

    /** dvc data status. */
    public DataStatus dataStatus(DataStatusOptions opts) {
        return ctx.lockedHashing(() -> new DataStatusOperation(ctx).run(opts));
    }

    /**
     * Installs git hooks (hook name → script body) in the git repository around this one, as
     * {@code dvc install} does; returns the files written.
     */
    public List<Path> installHooks(HookOptions opts) {
        Git g = ctx.git()
                .orElseThrow(() -> new DvcException(
                        "dvc install needs a git repository",
                        "run `git init` first; a repository without git has no hooks"));
        return GitHooks.install(g, opts.hooks(), opts.force());
    }

    /** dvc metrics show for a revision (null: the workspace). */
    public MetricsReport metricsShow(String rev) {
        return new MetricsOperation(ctx).show(rev);
    }

    /** dvc metrics diff between two revisions. */
    public DiffReport metricsDiff(CompareOptions opts) {
        return new MetricsOperation(ctx).metricsDiff(headUnlessGiven(opts.a()), opts.b(), opts.all());
    }

    /** dvc params diff between two revisions. */
    public DiffReport paramsDiff(CompareOptions opts) {
        return new MetricsOperation(ctx).paramsDiff(headUnlessGiven(opts.a()), opts.b(), opts.all());
    }

    RepoContext context() {
        return ctx;
    }

    /** After an edit of the config files: later operations see the new config. */
    void reloadConfig() {
        ctx = ctx.withReloadedConfig();
    }

    private static String headUnlessGiven(String rev) {
        return rev == null ? "HEAD" : rev;
    }

    /**
     * The plots dvc.yaml defines, rendered for each revision ({@code "workspace"} or any git revision), in
     * the order given: one revision is dvc plots show, several are dvc plots diff.
     */
    public PlotsReport plots(List<String> revisions, List<String> targets) {
        List<String> repoTargets = targets.stream().map(ctx::toRepoPath).toList();
        return new PlotsOperation(ctx).plots(revisions, repoTargets);
    }

    /** The remotes' configuration: add, modify, default, remove, list, as {@code dvc remote} does. */
    public RemoteConfig remotes() {
        return new RemoteConfig(this);
    }

    /** The pipeline graph, for {@code dag} (ASCII, Mermaid, DOT). */
    public DagRenderer dag() {
        return DagRenderer.of(new Dag(ctx.index().allStages()));
    }

    /** {@code dvc unprotect}: makes linked, read-only files writable copies; returns the files changed. */
    public List<String> unprotect(List<String> targets) {
        return ctx.locked(() -> new UnprotectOperation(ctx).run(targets));
    }

    /**
     * {@code dvc remove}: stops tracking {@code .dvc} files or removes pipeline stages, with their data when
     * {@link RemoveOptions#outputs()}; returns what was removed.
     */
    public List<String> remove(RemoveOptions opts) {
        return ctx.locked(() -> new RemoveOperation(ctx).run(opts.targets(), opts.outputs()));
    }
}
