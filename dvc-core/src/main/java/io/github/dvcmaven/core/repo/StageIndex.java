package io.github.dvcmaven.core.repo;

import io.github.dvcmaven.core.format.DvcFileFormat;
import io.github.dvcmaven.core.format.RepoPaths;
import io.github.dvcmaven.core.format.yaml.YamlReader;
import io.github.dvcmaven.core.fs.DvcIgnore;
import io.github.dvcmaven.core.pipeline.DvcFileStage;
import io.github.dvcmaven.core.pipeline.Output;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every stage file in the workspace, found the way dvc finds them (top-down, honouring .dvcignore,
 * never entering .git, .dvc or nested dvc repos), without descending into directories that are
 * themselves tracked outputs: a 100,000-file dataset costs nothing here.
 */
public final class StageIndex {
    private final List<DvcFileStage> dvcFiles;

    private StageIndex(List<DvcFileStage> dvcFiles) {
        this.dvcFiles = dvcFiles;
    }

    public static StageIndex load(Path root, DvcIgnore ignore) {
        List<DvcFileStage> stages = new ArrayList<>();
        Set<String> outputs = new HashSet<>();
        walk(root, "", ignore, stages, outputs);
        return new StageIndex(List.copyOf(stages));
    }

    private static void walk(Path root, String rel, DvcIgnore ignore, List<DvcFileStage> stages, Set<String> outputs) {
        Path dir = rel.isEmpty() ? root : root.resolve(rel);
        TreeSet<String> files = new TreeSet<>();
        TreeSet<String> dirs = new TreeSet<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path child : stream) {
                String name = child.getFileName().toString();
                if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                    dirs.add(name);
                } else if (name.endsWith(".dvc") && Files.isRegularFile(child)) {
                    files.add(name);
                }
            }
        } catch (IOException e) {
            return;
        }
        for (String name : files) {
            String fileRel = rel.isEmpty() ? name : rel + "/" + name;
            if (ignore.isIgnoredEntry(rel, name, false)) {
                continue;
            }
            DvcFileStage stage = DvcFileFormat.read(YamlReader.read(root.resolve(fileRel), fileRel), fileRel);
            stages.add(stage);
            for (Output o : stage.outs()) {
                outputs.add(o.repoPath());
            }
        }
        for (String name : dirs) {
            String childRel = rel.isEmpty() ? name : rel + "/" + name;
            if (outputs.contains(childRel) || ignore.isIgnoredEntry(rel, name, true)) {
                continue;
            }
            walk(root, childRel, ignore, stages, outputs);
        }
    }

    public List<DvcFileStage> dvcFiles() {
        return dvcFiles;
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

    /** The .dvc stage whose output is this path, or contains it (for paths inside a tracked directory). */
    public DvcFileStage ownerOf(String repoPath) {
        for (DvcFileStage s : dvcFiles) {
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
        for (DvcFileStage s : dvcFiles) {
            for (Output o : s.outs()) {
                if (RepoPaths.isWithin(o.repoPath(), repoPath) && !o.repoPath().equals(repoPath)) {
                    found.add(o);
                }
            }
        }
        return found;
    }
}
