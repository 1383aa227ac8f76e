package io.github.dvcmaven.core.repo;

import io.github.dvcmaven.core.DvcException;
import io.github.dvcmaven.core.event.RepoListener.Level;
import io.github.dvcmaven.core.hash.DirManifest;
import io.github.dvcmaven.core.hash.HashInfo;
import io.github.dvcmaven.core.pipeline.DvcFileStage;
import io.github.dvcmaven.core.pipeline.Output;
import io.github.dvcmaven.core.pipeline.PipelineStage;
import io.github.dvcmaven.core.pipeline.Stage;
import io.github.dvcmaven.core.remote.Remote;
import io.github.dvcmaven.core.remote.Remotes;
import io.github.dvcmaven.core.remote.Transfer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
final class DataSync {
    private final Repo repo;

    DataSync(Repo repo) {
        this.repo = repo;
    }

    /** An output with its recorded hash, and the remote it goes to. */
    record Used(Output output, String remote) {}

    /** Every cached output of the workspace that has a recorded hash (what gc must keep). */
    List<Used> collectAll(StageIndex index) {
        return collect(index, List.of(), null, false);
    }

    List<Used> collect(StageIndex index, List<String> targets, String remoteName, boolean forPush) {
        List<Used> used = new ArrayList<>();
        String fallback = remoteName != null ? remoteName : Remotes.defaultName(repo.config());
        for (Map.Entry<Stage, List<Output>> e : new TargetResolver(repo, index).resolve(targets).entrySet()) {
            Stage s = e.getKey();
            if (forPush && s instanceof DvcFileStage d && d.isImport()) {
                continue;
            }
            for (Output o : e.getValue()) {
                Output recorded = s instanceof PipelineStage p ? PipelineStatus.withLock(o, index.lockEntry(p)) : o;
                if (!recorded.cache() || (forPush && !recorded.push())) {
                    continue;
                }
                if (recorded.hash() == null) {
                    repo.listener().log(Level.WARN, "Output '" + repo.display(o.repoPath()) + "'(" + s.addressing()
                            + ") is missing version info. Cache for it will not be collected. Use `mvn dvc:repro` to get"
                            + " your pipeline up to date.");
                    continue;
                }
                if (remoteName != null && recorded.remote() != null && !recorded.remote().equals(remoteName)) {
                    continue;
                }
                used.add(new Used(recorded, recorded.remote() != null ? recorded.remote() : fallback));
            }
        }
        return used;
    }

    private Map<String, Set<HashInfo>> byRemote(List<Used> used) {
        Map<String, Set<HashInfo>> out = new LinkedHashMap<>();
        for (Used u : used) {
            out.computeIfAbsent(u.remote(), k -> new LinkedHashSet<>()).add(u.output().hash());
        }
        return out;
    }

    private Remote open(String name) {
        checkCommittedSecrets();
        Map<String, Object> opts = repo.remoteOptions(name);
        return Remotes.open(opts, repo.options().env());
    }

    /** Credentials in the committed .dvc/config are a leak: warn naming the key, or fail when strict. */
    private void checkCommittedSecrets() {
        Object remotes = repo.config().level(io.github.dvcmaven.core.config.ConfigLevel.REPO).get("remote");
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

    int jobs(String name) {
        if (repo.options().jobs() > 0) {
            return repo.options().jobs();
        }
        Object j = repo.remoteOptions(name).get("jobs");
        if (j != null) {
            try {
                return Integer.parseInt(String.valueOf(j).trim());
            } catch (NumberFormatException e) {
                throw new DvcException("remote option 'jobs' must be an integer, not '" + j + "'");
            }
        }
        return 4 * Runtime.getRuntime().availableProcessors();
    }

    /** push: returns the number of objects uploaded. */
    int push(List<String> targets, String remoteName, boolean runCache) {
        StageIndex index = repo.index();
        int total = 0;
        List<HashInfo> missing = new ArrayList<>();
        Map<HashInfo, String> failed = new LinkedHashMap<>();
        List<Used> used = collect(index, targets, remoteName, true);
        for (Map.Entry<String, Set<HashInfo>> e : byRemote(used).entrySet()) {
            try (Remote remote = open(e.getKey())) {
                Transfer.Result r = new Transfer(repo.cache(), remote, jobs(e.getKey()), repo.listener()).push(e.getValue());
                total += r.transferred();
                missing.addAll(r.missing());
                failed.putAll(r.failed());
                if (runCache) {
                    total += runCacheTransfer(remote, true);
                }
            }
        }
        report(total, missing, names(used), failed, "pushed", "upload");
        return total;
    }

    /** fetch: returns the number of objects downloaded. */
    int fetch(List<String> targets, String remoteName, boolean runCache) {
        StageIndex index = repo.index();
        int total = 0;
        List<HashInfo> missing = new ArrayList<>();
        Map<HashInfo, String> failed = new LinkedHashMap<>();
        List<Used> used = collect(index, targets, remoteName, false);
        for (Map.Entry<String, Set<HashInfo>> e : byRemote(used).entrySet()) {
            try (Remote remote = open(e.getKey())) {
                Transfer.Result r = new Transfer(repo.cache(), remote, jobs(e.getKey()), repo.listener()).fetch(e.getValue());
                total += r.transferred();
                missing.addAll(r.missing());
                failed.putAll(r.failed());
                if (runCache) {
                    total += runCacheTransfer(remote, false);
                }
            }
        }
        report(total, missing, names(used), failed, "fetched", "download");
        return total;
    }

    /** Which output (or directory member) each object belongs to, for messages; the first name wins. */
    private Map<HashInfo, String> names(List<Used> used) {
        Map<HashInfo, String> names = new java.util.HashMap<>();
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

    private void report(int total, List<HashInfo> missing, Map<HashInfo, String> names, Map<HashInfo, String> failed,
            String verb, String noun) {
        if (!missing.isEmpty()) {
            StringBuilder sb = new StringBuilder("Some of the cache files do not exist neither locally nor on remote."
                    + " Missing cache files:");
            for (HashInfo h : missing) {
                String name = names.get(h);
                sb.append('\n').append(name == null ? "" : "name: " + name + ", ").append("md5: ").append(h.value());
            }
            sb.append("\nHint: run `mvn dvc:push` (or `dvc push`) where these files exist, then run this goal again.");
            repo.listener().log(Level.WARN, sb.toString());
        }
        if (!failed.isEmpty()) {
            StringBuilder sb = new StringBuilder(failed.size() + " file" + (failed.size() == 1 ? "" : "s") + " failed to "
                    + noun + ":");
            failed.entrySet().stream().limit(10).forEach(f -> sb.append("\n  ").append(f.getKey().value()).append(": ")
                    .append(f.getValue()));
            throw new DvcException(sb.toString(), "check the remote's URL, credentials and network, then run the goal"
                    + " again: finished objects are not transferred twice");
        }
        repo.listener().log(Level.INFO, total == 0 ? "Everything is up to date."
                : total + " file" + (total == 1 ? "" : "s") + " " + verb);
    }

    /** The run-cache travels as files under runs/ (dvc --run-cache); corrupt entries are dropped on load. */
    private int runCacheTransfer(Remote remote, boolean push) {
        try {
            return push ? pushRunCache(remote) : fetchRunCache(remote);
        } catch (IOException e) {
            throw new DvcException("run-cache transfer with remote '" + remote.name() + "' failed: "
                    + Remotes.redact(e.getMessage()));
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
            Files.createDirectories(target.getParent());
            Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
            try (InputStream in = remote.open(key)) {
                Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            n++;
        }
        return n;
    }

    /** dvc status -c: output path (or path/relpath of a directory member) → new, deleted or missing. */
    Map<String, String> cloudStatus(List<String> targets, String remoteName) {
        StageIndex index = repo.index();
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, Set<HashInfo>> e : byRemote(collect(index, targets, remoteName, true)).entrySet()) {
            List<Used> used = collect(index, targets, remoteName, true).stream()
                    .filter(u -> u.remote().equals(e.getKey())).toList();
            try (Remote remote = open(e.getKey())) {
                Transfer transfer = new Transfer(repo.cache(), remote, jobs(e.getKey()), repo.listener());
                // like dvc, one name per object: the first output or member that has it
                Map<String, HashInfo> names = new LinkedHashMap<>();
                Set<HashInfo> named = new java.util.HashSet<>();
                for (Used u : used) {
                    HashInfo h = u.output().hash();
                    String base = repo.display(u.output().repoPath());
                    if (named.add(h)) {
                        names.put(base, h);
                    }
                    if (h.isDir()) {
                        DirManifest m = repo.cache().isValid(h) ? repo.cache().loadDir(h) : null;
                        if (m == null && transferHas(transfer, h)) {
                            transfer.fetch(List.of(h));
                            m = repo.cache().isValid(h) ? repo.cache().loadDir(h) : null;
                        }
                        if (m != null) {
                            for (DirManifest.Entry entry : m.entries()) {
                                HashInfo member = new HashInfo(h.name(), entry.md5());
                                if (named.add(member)) {
                                    names.put(base + java.io.File.separator + entry.relpath(), member);
                                }
                            }
                        }
                    }
                }
                Set<HashInfo> onRemote = transfer.onRemote(new LinkedHashSet<>(names.values()));
                for (Map.Entry<String, HashInfo> n : names.entrySet()) {
                    boolean local = repo.cache().exists(n.getValue());
                    boolean there = onRemote.contains(n.getValue());
                    if (local && !there) {
                        result.put(n.getKey(), "new");
                    } else if (!local && there) {
                        result.put(n.getKey(), "deleted");
                    } else if (!local) {
                        result.put(n.getKey(), "missing");
                    }
                }
            }
        }
        return result;
    }

    private static boolean transferHas(Transfer t, HashInfo h) {
        return t.onRemote(List.of(h)).contains(h);
    }
}
