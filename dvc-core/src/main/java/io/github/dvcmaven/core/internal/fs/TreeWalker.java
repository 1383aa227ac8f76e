package io.github.dvcmaven.core.internal.fs;

import io.github.dvcmaven.core.api.DvcException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;

/**
 * Lists the regular files of a directory as dvc sees them: .dvcignore'd entries skipped, file symlinks
 * followed, directory symlinks not descended, empty directories absent. Subdirectories are walked in
 * parallel; each entry costs one stat.
 */
public final class TreeWalker {
    /** A file found under the walked directory: its posix path relative to it, and its stat. */
    public record Entry(String relpath, Path path, FileStat stat, boolean symlink) {}

    private final DvcIgnore ignore;
    private final ForkJoinPool pool;

    public TreeWalker(DvcIgnore ignore, ForkJoinPool pool) {
        this.ignore = ignore;
        this.pool = pool;
    }

    /**
     * Walks {@code dir}, whose posix path relative to the repo root is {@code repoRel} (used for ignore
     * rules). Fails on broken symlinks and on a .dvcignore inside the tracked directory, as dvc does.
     */
    public List<Entry> walk(Path dir, String repoRel) {
        return pool.invoke(new DirTask(dir, "", repoRel));
    }

    private final class DirTask extends RecursiveTask<List<Entry>> {
        private final Path dir;
        private final String rel;
        private final String repoRel;

        DirTask(Path dir, String rel, String repoRel) {
            this.dir = dir;
            this.rel = rel;
            this.repoRel = repoRel;
        }

        @Override
        protected List<Entry> compute() {
            List<Entry> files = new ArrayList<>();
            List<DirTask> subdirs = new ArrayList<>();
            String parentRepoRel = rel.isEmpty() ? repoRel : repoRel.isEmpty() ? rel : repoRel + "/" + rel;
            DvcIgnore.DirRules rules = ignore == null ? null : ignore.rulesFor(parentRepoRel);
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
                for (Path child : stream) {
                    visit(child, parentRepoRel, rules, files, subdirs);
                }
            } catch (IOException e) {
                throw new DvcException("cannot read directory '" + dir + "': " + e.getMessage(), null, e);
            }
            invokeAll(subdirs);
            for (DirTask t : subdirs) {
                files.addAll(t.join());
            }
            return files;
        }

        /*
         * One entry per call, not inlined in the loop above: a directory of thousands of files is one
         * long loop, which a cold JVM would run interpreted until its late on-stack replacement, while a
         * method called per entry is compiled after a few hundred calls.
         */
        private void visit(
                Path child, String parentRepoRel, DvcIgnore.DirRules rules, List<Entry> files, List<DirTask> subdirs)
                throws IOException {
            String name = child.getFileName().toString();
            FileStat link = FileStat.ofEntry(child);
            boolean symlink = !link.regularFile() && !link.directory() && Files.isSymbolicLink(child);
            FileStat stat = link;
            if (symlink) {
                try {
                    stat = FileStat.of(child);
                } catch (NoSuchFileException e) {
                    throw new DvcException(
                            "broken symlink '" + parentRepoRel + "/" + name + "' in a tracked directory",
                            "remove the link or add it to .dvcignore",
                            e);
                }
                if (stat.directory()) {
                    return; // dvc does not descend into symlinked directories
                }
            }
            if (rules != null && rules.isIgnored(name, stat.directory())) {
                return;
            }
            String childRel = rel.isEmpty() ? name : rel + "/" + name;
            if (stat.directory()) {
                subdirs.add(new DirTask(child, childRel, repoRel));
            } else if (stat.regularFile()) {
                if (name.equals(DvcIgnore.FILE_NAME)) {
                    throw new DvcException(
                            ".dvcignore file should not be in collected dir path: '" + parentRepoRel + "/" + name + "'",
                            "move the rules to a .dvcignore above the tracked directory");
                }
                files.add(new Entry(childRel, child, stat, symlink));
            }
        }
    }
}
