package io.github.dvcmaven.core.internal.sync;

import io.github.dvcmaven.core.api.CloudStatus;
import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.HashInfo;
import io.github.dvcmaven.core.api.RepoListener.Level;
import io.github.dvcmaven.core.api.SyncOptions;
import io.github.dvcmaven.core.internal.config.ConfigLevel;
import io.github.dvcmaven.core.internal.external.ExternalData;
import io.github.dvcmaven.core.internal.external.ExternalRepo;
import io.github.dvcmaven.core.internal.external.ImportSource;
import io.github.dvcmaven.core.internal.external.ImportUrlOperation;
import io.github.dvcmaven.core.internal.fs.AtomicWrite;
import io.github.dvcmaven.core.internal.fs.DvcIgnore;
import io.github.dvcmaven.core.internal.hash.DirManifest;
import io.github.dvcmaven.core.internal.pipeline.DvcFileStage;
import io.github.dvcmaven.core.internal.pipeline.Output;
import io.github.dvcmaven.core.internal.pipeline.Stage;
import io.github.dvcmaven.core.internal.remote.Remote;
import io.github.dvcmaven.core.internal.remote.Remotes;
import io.github.dvcmaven.core.internal.remote.Transfer;
import io.github.dvcmaven.core.internal.repo.RepoContext;
import io.github.dvcmaven.core.internal.repo.StageIndex;
import io.github.dvcmaven.core.internal.repo.TargetResolver;
import io.github.dvcmaven.core.internal.revision.RevisionSnapshot;
import io.github.dvcmaven.core.internal.scm.Git;
import io.github.dvcmaven.core.internal.scm.GitRevisions;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * push, fetch, pull and cloud status: collects the cached objects the targets' pointers and lock entries
 * name (respecting {@code push: false} and per-output {@code remote:}), and moves them with
 * {@link Transfer}.
 */
public final class DataSync {
    private final RepoContext repo;

    public DataSync(RepoContext repo) {
        this.repo = repo;
    }

    /**
     * An output with its recorded hash, the remote it goes to, and the revision that names it; an
     * import's output comes from its source repository instead.
     */
    record Used(Output output, String remote, String revision, ImportSource source) {
        Used(Output output, String remote, String revision) {
            this(output, remote, revision, null);
        }
    }

    /** The {@code --no-download} url imports a fetch found, fetched from their sources by {@link #fetch}. */
    private final List<DvcFileStage> undownloaded = new ArrayList<>();

    private final Map<String, Output> fetchedFromSource = new LinkedHashMap<>();

    /**
     * The outputs the last fetch brought from a {@code --no-download} import's source, by path: their
     * pointers record no hash, so a pull checks them out with these.
     */
    public Map<String, Output> fetchedFromSource() {
        return Map.copyOf(fetchedFromSource);
    }

    /** Every cached output of the workspace that has a recorded hash (what gc must keep). */
    List<Used> collectAll(StageIndex index) {
        return collect(index, List.of(), null, false, RevisionSnapshot.WORKSPACE);
    }

    /** What the targets name in the workspace and in every revision of the scope. */
    List<Used> collect(SyncOptions opts, boolean forPush) {
        List<Used> used = new ArrayList<>(
                collect(repo.index(), opts.targets(), opts.remote(), forPush, RevisionSnapshot.WORKSPACE));
        if (opts.scope().workspaceOnly()) {
            return used;
        }
        Git git = RevisionSnapshot.gitOf(repo, opts.scope().describe());
        Map<org.eclipse.jgit.revwalk.RevCommit, List<String>> commits = new GitRevisions(git.repository())
                .named(
                        opts.scope().allBranches(),
                        opts.scope().allTags(),
                        opts.scope().allCommits(),
                        opts.scope().revs());
        for (Map.Entry<org.eclipse.jgit.revwalk.RevCommit, List<String>> c : commits.entrySet()) {
            String name = String.join(", ", c.getValue());
            try (RevisionSnapshot snap = RevisionSnapshot.of(repo, git, c.getKey(), name)) {
                StageIndex index;
                try {
                    index = StageIndex.load(snap.root(), new DvcIgnore(snap.root()), repo.config());
                } catch (DvcException e) {
                    throw new DvcException("at git revision " + name + ": " + e.getMessage(), e.hint(), e);
                }
                // a target this revision does not have: nothing of it to move there
                List<String> targets = known(index, opts.targets());
                if (targets.isEmpty() && !opts.targets().isEmpty()) {
                    repo.listener().log(Level.DEBUG, name + " has none of " + opts.targets());
                    continue;
                }
                used.addAll(collect(index, targets, opts.remote(), forPush, name));
            }
        }
        repo.listener()
                .log(
                        Level.DEBUG,
                        "collected what " + opts.scope().describe() + " (" + commits.size() + " git commit(s)) use");
        return used;
    }

    /** The targets an index knows (as a stage, pointer or tracked path). */
    private List<String> known(StageIndex index, List<String> targets) {
        TargetResolver resolver = new TargetResolver(repo, index);
        List<String> out = new ArrayList<>();
        for (String t : targets) {
            try {
                resolver.stagesFor(t);
                out.add(t);
            } catch (DvcException notThere) {
                // this revision does not have it
            }
        }
        return out;
    }

    private List<Used> collect(
            StageIndex index, List<String> targets, String remoteName, boolean forPush, String revision) {
        List<Used> used = new ArrayList<>();
        String fallback = remoteName != null ? remoteName : Remotes.defaultName(repo.config());
        String where = revision.equals(RevisionSnapshot.WORKSPACE) ? "" : " at " + revision;
        for (Map.Entry<Stage, List<Output>> e :
                new TargetResolver(repo, index).resolve(targets).entrySet()) {
            Stage s = e.getKey();
            if (forPush && s instanceof DvcFileStage d && d.isRepoImport()) {
                continue;
            }
            for (Output o : e.getValue()) {
                Output recorded = index.recorded(s, o);
                if (!recorded.cache() || (forPush && !recorded.push())) {
                    continue;
                }
                if (recorded.hash() == null && s instanceof DvcFileStage d && d.isUrlImport()) {
                    if (forPush) {
                        continue; // nothing of it is in this cache to push
                    }
                    if (revision.equals(RevisionSnapshot.WORKSPACE)) {
                        undownloaded.add(d);
                        continue;
                    }
                    repo.listener()
                            .log(
                                    Level.WARN,
                                    "'" + repo.display(o.repoPath()) + "' was imported with --no-download and is not"
                                            + " fetched by dvc-maven" + where + "; download it with `mvn dvc:update"
                                            + " -Ddvc.targets=" + repo.display(d.file()) + "`");
                    continue;
                }
                if (recorded.hash() == null) {
                    repo.listener()
                            .log(
                                    Level.WARN,
                                    "Output '" + repo.display(o.repoPath()) + "'(" + s.addressing()
                                            + ")" + where
                                            + " is missing version info. Cache for it will not be collected. Use `mvn"
                                            + " dvc:repro` to get your pipeline up to date.");
                    continue;
                }
                if (remoteName != null
                        && recorded.remote() != null
                        && !recorded.remote().equals(remoteName)) {
                    continue;
                }
                if (s instanceof DvcFileStage d && d.isRepoImport()) {
                    used.add(new Used(recorded, null, revision, ImportSource.of(d)));
                    continue;
                }
                used.add(new Used(recorded, recorded.remote() != null ? recorded.remote() : fallback, revision));
            }
        }
        return used;
    }

    private Map<String, Set<HashInfo>> byRemote(List<Used> used) {
        Map<String, Set<HashInfo>> out = new LinkedHashMap<>();
        for (Used u : used) {
            if (u.source() != null) {
                continue;
            }
            out.computeIfAbsent(u.remote(), k -> new LinkedHashSet<>())
                    .add(u.output().hash());
        }
        return out;
    }

    private Remote open(String name) {
        checkCommittedSecrets();
        Map<String, Object> opts = repo.remoteOptions(name);
        return Remotes.open(opts, repo.options().env(), repo.options().proxies());
    }

    /** Credentials in the committed .dvc/config are a leak: warn naming the key, or fail when strict. */
    private void checkCommittedSecrets() {
        Object remotes = repo.config().level(ConfigLevel.REPO).get("remote");
        if (!(remotes instanceof Map<?, ?> m)) {
            return;
        }
        List<String> found = new ArrayList<>();
        for (Map.Entry<?, ?> r : m.entrySet()) {
            if (r.getValue() instanceof Map<?, ?> opts) {
                for (Object k : opts.keySet()) {
                    if (Remotes.SECRET_KEYS.contains(String.valueOf(k))) {
                        found.add("remote '" + r.getKey() + "': " + k);
                    }
                }
            }
        }
        if (found.isEmpty()) {
            return;
        }
        String message = "credentials in .dvc/config, which is committed to git: " + String.join(", ", found);
        String hint = "move them to .dvc/config.local (mvn dvc:remote -Ddvc.action=modify -Ddvc.local=true ...),"
                + " environment variables or Maven settings.xml, and rotate the exposed keys";
        if (repo.options().strictSecrets()) {
            throw new DvcException(message, hint);
        }
        repo.listener().log(Level.WARN, message + ". Hint: " + hint);
    }

    /** Which of these objects a remote has (existence checks or a listing, as {@link Transfer} decides). */
    public Set<HashInfo> onRemote(String name, Collection<HashInfo> objects) {
        try (Remote remote = open(name)) {
            return new Transfer(repo.cache(), remote, jobs(name), repo.listener()).onRemote(objects);
        }
    }

    int jobs(String name) {
        if (repo.options().jobs() > 0) {
            return repo.options().jobs();
        }
        Object j = repo.remoteOptions(name).get("jobs");
        if (j != null) {
            try {
                return Integer.parseInt(String.valueOf(j).trim());
            } catch (NumberFormatException e) {
                throw new DvcException("remote option 'jobs' must be an integer, not '" + j + "'", null, e);
            }
        }
        return Transfer.defaultJobs();
    }

    /** push: returns the number of objects uploaded. */
    public int push(SyncOptions opts) {
        int total = 0;
        List<HashInfo> missing = new ArrayList<>();
        Map<HashInfo, String> failed = new LinkedHashMap<>();
        List<Used> used = collect(opts, true);
        for (Map.Entry<String, Set<HashInfo>> e : byRemote(used).entrySet()) {
            try (Remote remote = open(e.getKey())) {
                Transfer.Result r = new Transfer(
                                repo.cache(),
                                remote,
                                jobs(e.getKey()),
                                repo.listener(),
                                (file, algorithm) -> repo.hasher()
                                        .hashFile(file, algorithm)
                                        .hash()
                                        .value())
                        .push(e.getValue());
                total += r.transferred();
                missing.addAll(r.missing());
                failed.putAll(r.failed());
                if (opts.runCache()) {
                    total += runCacheTransfer(remote, true);
                }
            }
        }
        report(total, missing, names(used), failed, "pushed", "upload", true);
        return total;
    }

    /** fetch: returns the number of objects downloaded. */
    public int fetch(SyncOptions opts) {
        return fetch(opts, true);
    }

    /**
     * Downloads what the targets need into the cache; returns how many objects were fetched.
     *
     * @param summarize whether to say "N files fetched" (a pull says it with its checkout's counts instead)
     */
    public int fetch(SyncOptions opts, boolean summarize) {
        int total = 0;
        List<HashInfo> missing = new ArrayList<>();
        Map<HashInfo, String> failed = new LinkedHashMap<>();
        undownloaded.clear();
        List<Used> used = collect(opts, false);
        total += fetchImports(used);
        for (DvcFileStage d : undownloaded) {
            Output o = new ImportUrlOperation(repo).fetchUndownloaded(d);
            fetchedFromSource.put(o.repoPath(), o);
            total += o.meta().nfiles() != null ? o.meta().nfiles() : 1;
        }
        for (Map.Entry<String, Set<HashInfo>> e : byRemote(used).entrySet()) {
            try (Remote remote = open(e.getKey())) {
                Transfer.Result r =
                        new Transfer(repo.cache(), remote, jobs(e.getKey()), repo.listener()).fetch(e.getValue());
                total += r.transferred();
                missing.addAll(r.missing());
                failed.putAll(r.failed());
                if (opts.runCache()) {
                    total += runCacheTransfer(remote, false);
                }
            }
        }
        report(total, missing, names(used), failed, "fetched", "download", summarize);
        return total;
    }

    /**
     * Imports come from their source repository at its locked commit (its remote, or a local source's
     * cache), as dvc fetches them; nothing to do for those already in the cache.
     */
    private int fetchImports(List<Used> used) {
        Map<ImportSource, Set<HashInfo>> bySource = new LinkedHashMap<>();
        for (Used u : used) {
            if (u.source() != null) {
                ImportSource key = u.source();
                bySource.computeIfAbsent(key, k -> new LinkedHashSet<>())
                        .add(u.output().hash());
            }
        }
        int total = 0;
        for (Map.Entry<ImportSource, Set<HashInfo>> e : bySource.entrySet()) {
            if (e.getValue().stream().allMatch(repo.cache()::isComplete)) {
                continue;
            }
            ImportSource src = e.getKey();
            try (ExternalRepo source = src.openLocked(repo)) {
                total += new ExternalData(source, repo.cache(), repo.options())
                        .fetchObjects(e.getValue(), src.remote(), src.path(), false);
            } catch (DvcException ex) {
                throw new DvcException(
                        "cannot fetch the import '" + repo.display(src.pointer()) + "': " + ex.getMessage(),
                        ex.hint(),
                        ex);
            }
        }
        return total;
    }

    /** Which output (or directory member) each object belongs to, for messages; the first name wins. */
    private Map<HashInfo, String> names(List<Used> used) {
        Map<HashInfo, String> names = new HashMap<>();
        for (Used u : used) {
            HashInfo h = u.output().hash();
            String base = repo.display(u.output().repoPath());
            names.putIfAbsent(h, base);
            if (h.isDir() && repo.cache().isValid(h)) {
                try {
                    for (DirManifest.Entry m : repo.cache().loadDir(h).entries()) {
                        names.putIfAbsent(HashInfo.md5(m.md5()), base + "/" + m.relpath());
                    }
                } catch (RuntimeException e) {
                    // an unreadable manifest only costs the member names in the message
                }
            }
        }
        return names;
    }

    private void report(
            int total,
            List<HashInfo> missing,
            Map<HashInfo, String> names,
            Map<HashInfo, String> failed,
            String verb,
            String noun,
            boolean summarize) {
        if (!missing.isEmpty()) {
            StringBuilder sb = new StringBuilder(
                    "Some of the cache files do not exist neither locally nor on remote." + " Missing cache files:");
            for (HashInfo h : missing) {
                String name = names.get(h);
                sb.append('\n')
                        .append(name == null ? "" : "name: " + name + ", ")
                        .append("md5: ")
                        .append(h.value());
            }
            sb.append("\nHint: run `mvn dvc:push` (or `dvc push`) where these files exist, then run this goal again.");
            repo.listener().log(Level.WARN, sb.toString());
        }
        if (!failed.isEmpty()) {
            StringBuilder sb = new StringBuilder(
                    failed.size() + " file" + (failed.size() == 1 ? "" : "s") + " failed to " + noun + ":");
            failed.entrySet().stream()
                    .limit(10)
                    .forEach(f -> sb.append("\n  ")
                            .append(f.getKey().value())
                            .append(": ")
                            .append(f.getValue()));
            throw new DvcException(
                    sb.toString(),
                    "check the remote's URL, credentials and network, then run the goal"
                            + " again: finished objects are not transferred twice");
        }
        if (summarize) {
            repo.listener()
                    .log(
                            Level.INFO,
                            total == 0
                                    ? "Everything is up to date."
                                    : total + " file" + (total == 1 ? "" : "s") + " " + verb);
        }
    }

    /** The run-cache travels as files under runs/ (dvc --run-cache); corrupt entries are dropped on load. */
    private int runCacheTransfer(Remote remote, boolean push) {
        try {
            return push ? pushRunCache(remote) : fetchRunCache(remote);
        } catch (IOException e) {
            throw new DvcException(
                    "run-cache transfer with remote '" + remote.name() + "' failed: " + Remotes.redact(e.getMessage()),
                    null,
                    e);
        }
    }

    private int pushRunCache(Remote remote) throws IOException {
        Path runs = repo.cache().root().resolve("runs");
        if (!Files.isDirectory(runs)) {
            return 0;
        }
        Set<String> there = remote.list("runs/");
        int n = 0;
        try (Stream<Path> walk = Files.walk(runs)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String key = repo.cache().root().relativize(p).toString().replace('\\', '/');
                if (!there.contains(key) && !p.getFileName().toString().startsWith(".")) {
                    remote.upload(p, key);
                    n++;
                }
            }
        }
        return n;
    }

    private int fetchRunCache(Remote remote) throws IOException {
        int n = 0;
        for (String key : remote.list("runs/")) {
            Path target = repo.cache().root().resolve(key).normalize();
            if (!target.startsWith(repo.cache().root()) || Files.exists(target)) {
                continue;
            }
            try (InputStream in = remote.open(key)) {
                AtomicWrite.copy(in, target);
            }
            n++;
        }
        return n;
    }

    /**
     * dvc status -c over a scope: every object the targets name (a directory's files from its manifest,
     * read from the remote when the cache lacks it), whether the cache and the remote have it.
     */
    public CloudStatus cloudStatus(SyncOptions opts) {
        List<Used> all = collect(opts, true);
        List<CloudStatus.Entry> result = new ArrayList<>();
        int manifests = 0;
        Set<HashInfo> named = new HashSet<>();
        Map<String, List<Used>> byRemote = new LinkedHashMap<>();
        for (Used u : all) {
            byRemote.computeIfAbsent(u.remote(), k -> new ArrayList<>()).add(u);
        }
        for (Map.Entry<String, List<Used>> e : byRemote.entrySet()) {
            try (Remote remote = open(e.getKey())) {
                Transfer transfer = new Transfer(repo.cache(), remote, jobs(e.getKey()), repo.listener());
                List<HashInfo> unreadDirs = e.getValue().stream()
                        .map(u -> u.output().hash())
                        .filter(h -> h.isDir() && !repo.cache().isValid(h))
                        .distinct()
                        .toList();
                Set<HashInfo> dirsThere = transfer.onRemote(unreadDirs);
                Transfer.Result fetched = transfer.fetchExactly(dirsThere);
                if (!fetched.failed().isEmpty()) {
                    Map.Entry<HashInfo, String> f =
                            fetched.failed().entrySet().iterator().next();
                    throw new DvcException("cannot read the directory manifest "
                            + f.getKey().value() + " from remote '" + remote.name() + "': " + f.getValue());
                }
                manifests += fetched.transferred();
                // like dvc, one name per object: the first output or member that has it
                Map<HashInfo, Used> owner = new LinkedHashMap<>();
                Map<HashInfo, String> names = new LinkedHashMap<>();
                for (Used u : e.getValue()) {
                    HashInfo h = u.output().hash();
                    String base = repo.display(u.output().repoPath());
                    if (named.add(h)) {
                        names.put(h, base);
                        owner.put(h, u);
                    }
                    if (h.isDir() && repo.cache().isValid(h)) {
                        for (DirManifest.Entry entry : repo.cache().loadDir(h).entries()) {
                            HashInfo member = new HashInfo(h.name(), entry.md5());
                            if (named.add(member)) {
                                names.put(member, base + File.separator + entry.relpath());
                                owner.put(member, u);
                            }
                        }
                    }
                }
                Set<HashInfo> onRemote = transfer.onRemote(names.keySet());
                for (Map.Entry<HashInfo, String> n : names.entrySet()) {
                    HashInfo h = n.getKey();
                    result.add(new CloudStatus.Entry(
                            n.getValue(),
                            h,
                            owner.get(h).revision(),
                            remote.name(),
                            repo.cache().exists(h),
                            onRemote.contains(h)));
                }
            }
        }
        return new CloudStatus(result, List.copyOf(byRemote.keySet()), manifests);
    }
}
