package io.github.dvcmaven.core.internal.repo;

import io.github.dvcmaven.core.internal.config.DvcConfig;
import io.github.dvcmaven.core.internal.format.DvcFileFormat;
import io.github.dvcmaven.core.internal.format.DvcYamlFormat;
import io.github.dvcmaven.core.internal.format.LockFileFormat;
import io.github.dvcmaven.core.internal.format.yaml.YamlReader;
import io.github.dvcmaven.core.internal.fs.DvcIgnore;
import io.github.dvcmaven.core.internal.fs.LeafDirectories;
import io.github.dvcmaven.core.internal.fs.RepoPaths;
import io.github.dvcmaven.core.internal.pipeline.DvcFileStage;
import io.github.dvcmaven.core.internal.pipeline.Output;
import io.github.dvcmaven.core.internal.pipeline.PipelineStage;
import io.github.dvcmaven.core.internal.pipeline.Stage;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every stage file in the workspace — {@code .dvc} pointers and {@code dvc.yaml} pipelines with their
 * {@code dvc.lock} — found the way dvc finds them (top-down, honouring .dvcignore, never entering .git,
 * .dvc or nested dvc repos), without descending into directories that are themselves tracked outputs.
 */
public final class StageIndex {
    private final List<DvcFileStage> dvcFiles;
    private final List<DvcYamlFormat.PipelineFile> pipelines;
    private final Map<String, LockFileFormat.LockFile> locks;

    private StageIndex(
            List<DvcFileStage> dvcFiles,
            List<DvcYamlFormat.PipelineFile> pipelines,
            Map<String, LockFileFormat.LockFile> locks) {
        this.dvcFiles = dvcFiles;
        this.pipelines = pipelines;
        this.locks = locks;
    }

    public static StageIndex load(Path root, DvcIgnore ignore, DvcConfig config) {
        Loader loader = new Loader(root, ignore, parsingConfig(config));
        loader.walk("");
        return new StageIndex(List.copyOf(loader.stages), List.copyOf(loader.pipelines), loader.locks);
    }

    private static Map<String, String> parsingConfig(DvcConfig config) {
        Map<String, String> parsing = new LinkedHashMap<>();
        config.get("parsing", "bool").ifPresent(v -> parsing.put("bool", v));
        config.get("parsing", "list").ifPresent(v -> parsing.put("list", v));
        return parsing;
    }

    private static final class Loader {
        final Path root;
        final DvcIgnore ignore;
        final Map<String, String> parsing;
        final List<DvcFileStage> stages = new ArrayList<>();
        final List<DvcYamlFormat.PipelineFile> pipelines = new ArrayList<>();
        final Map<String, LockFileFormat.LockFile> locks = new LinkedHashMap<>();
        final Set<String> outputs = new HashSet<>();
        final LeafDirectories leaves;

        Loader(Path root, DvcIgnore ignore, Map<String, String> parsing) {
            this.root = root;
            this.ignore = ignore;
            this.parsing = parsing;
            this.leaves = LeafDirectories.of(root);
        }

        void walk(String rel) {
            Path dir = rel.isEmpty() ? root : root.resolve(rel);
            TreeSet<String> files = new TreeSet<>();
            TreeSet<String> dirs = new TreeSet<>();
            boolean pipeline = false;
            // in a directory with no subdirectories only the names that matter are stat'ed
            boolean leaf = leaves.isLeaf(dir);
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
                for (Path child : stream) {
                    String name = child.getFileName().toString();
                    if (!leaf && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                        dirs.add(name);
                    } else if (name.endsWith(".dvc") && Files.isRegularFile(child)) {
                        files.add(name);
                    } else if (name.equals("dvc.yaml") && Files.isRegularFile(child)) {
                        pipeline = true;
                    }
                }
            } catch (IOException e) {
                return;
            }
            if (pipeline && !ignore.isIgnoredEntry(rel, "dvc.yaml", false)) {
                loadPipeline(rel.isEmpty() ? "dvc.yaml" : rel + "/dvc.yaml");
            }
            for (String name : files) {
                String fileRel = rel.isEmpty() ? name : rel + "/" + name;
                if (ignore.isIgnoredEntry(rel, name, false)) {
                    continue;
                }
                DvcFileStage stage = DvcFileFormat.read(YamlReader.read(root.resolve(fileRel), fileRel), fileRel);
                stages.add(stage);
                stage.outs().forEach(o -> outputs.add(o.repoPath()));
            }
            for (String name : dirs) {
                String childRel = rel.isEmpty() ? name : rel + "/" + name;
                if (outputs.contains(childRel) || ignore.isIgnoredEntry(rel, name, true)) {
                    continue;
                }
                walk(childRel);
            }
        }

        void loadPipeline(String file) {
            DvcYamlFormat.PipelineFile pf =
                    DvcYamlFormat.read(YamlReader.read(root.resolve(file), file), file, root, parsing);
            pipelines.add(pf);
            for (PipelineStage s : pf.stages()) {
                s.outs().forEach(o -> outputs.add(o.repoPath()));
            }
            String lock = file.substring(0, file.length() - 4) + "lock";
            Path lockPath = root.resolve(lock);
            locks.put(
                    file,
                    Files.isRegularFile(lockPath)
                            ? LockFileFormat.read(YamlReader.read(lockPath, lock, true), lock)
                            : LockFileFormat.LockFile.empty(lock));
        }
    }

    public List<DvcFileStage> dvcFiles() {
        return dvcFiles;
    }

    public List<DvcYamlFormat.PipelineFile> pipelines() {
        return pipelines;
    }

    /** The lock file beside a dvc.yaml (empty when there is none yet). */
    public LockFileFormat.LockFile lockFor(String dvcYaml) {
        return locks.getOrDefault(
                dvcYaml, LockFileFormat.LockFile.empty(dvcYaml.substring(0, dvcYaml.length() - 4) + "lock"));
    }

    public LockFileFormat.LockEntry lockEntry(PipelineStage s) {
        return lockFor(s.dvcfile()).stages().get(s.name());
    }

    /** An output with the hash its stage file records: a pointer's own, a pipeline stage's from dvc.lock. */
    public Output recorded(Stage s, Output o) {
        return s instanceof PipelineStage p ? withLock(o, lockEntry(p)) : o;
    }

    /** All stages: pipeline stages first in file order, then .dvc files, as the graph orders them. */
    public List<Stage> allStages() {
        List<Stage> all = new ArrayList<>();
        for (DvcYamlFormat.PipelineFile pf : pipelines) {
            all.addAll(pf.stages());
        }
        all.addAll(dvcFiles);
        return all;
    }

    public List<PipelineStage> pipelineStages() {
        List<PipelineStage> all = new ArrayList<>();
        for (DvcYamlFormat.PipelineFile pf : pipelines) {
            all.addAll(pf.stages());
        }
        return all;
    }

    public boolean isEmpty() {
        return dvcFiles.isEmpty() && pipelineStages().isEmpty();
    }

    /** The stage file with this posix path from the root. */
    public DvcFileStage dvcFile(String relPath) {
        for (DvcFileStage s : dvcFiles) {
            if (s.file().equals(relPath)) {
                return s;
            }
        }
        return null;
    }

    /** The stage whose output is this path, or contains it (for paths inside a tracked directory). */
    public Stage ownerOf(String repoPath) {
        for (Stage s : allStages()) {
            for (Output o : s.outs()) {
                if (RepoPaths.isWithin(repoPath, o.repoPath())) {
                    return s;
                }
            }
        }
        return null;
    }

    /** Outputs below {@code repoPath} (when adding a directory that contains tracked outputs). */
    public List<Output> outputsWithin(String repoPath) {
        List<Output> found = new ArrayList<>();
        for (Stage s : allStages()) {
            for (Output o : s.outs()) {
                if (RepoPaths.isWithin(o.repoPath(), repoPath) && !o.repoPath().equals(repoPath)) {
                    found.add(o);
                }
            }
        }
        return found;
    }

    /** An output with the hash its lock entry records (none when the stage never ran). */
    public static Output withLock(Output o, LockFileFormat.LockEntry lock) {
        LockFileFormat.LockItem item =
                lock == null ? null : o.kind() == Output.Kind.DEP ? lock.dep(o.defPath()) : lock.out(o.defPath());
        return item == null ? o : o.withHash(item.hash(), item.meta());
    }
}
