package io.github.dvcmaven.core.internal.repo;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.internal.scm.Git;
import io.github.dvcmaven.core.internal.scm.GitIgnoreFile;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects the files an operation touched that belong in git (pointer files, .gitignore), keeps
 * outputs git-ignored, and at the end either stages them ({@code core.autostage}) or returns them for
 * the "To track the changes with git, run: git add ..." hint.
 */
public final class ScmContext {
    private final RepoContext repo;
    private final Set<Path> touched = new LinkedHashSet<>();
    /** Outputs this context added .gitignore entries for: removed again if the operation fails, as dvc does. */
    private final List<Path> ignoredHere = new ArrayList<>();

    public ScmContext(RepoContext repo) {
        this.repo = repo;
    }

    public void track(Path file) {
        if (repo.git().isPresent()) {
            touched.add(file);
        }
    }

    /** Adds the output's .gitignore entry unless git already ignores it; refuses git-tracked outputs. */
    public void ignore(Path output, boolean isDirectory) {
        if (repo.git().isEmpty()) {
            return;
        }
        Git git = repo.git().get();
        if (!output.startsWith(git.workTree())) {
            return;
        }
        if (git.isTracked(output)) {
            throw new DvcException(
                    "output '" + repo.display(repo.root().relativize(output).toString())
                            + "' is already tracked by SCM (e.g. Git)",
                    "run `git rm -r --cached " + repo.root().relativize(output) + "` and commit, then retry");
        }
        if (git.isIgnored(output, isDirectory)) {
            return;
        }
        try {
            Path changed = GitIgnoreFile.add(output);
            if (changed != null) {
                touched.add(changed);
                ignoredHere.add(output);
            }
        } catch (IOException e) {
            throw new DvcException("cannot update .gitignore next to '" + output + "': " + e.getMessage(), null, e);
        }
    }

    public void unignore(Path output) {
        if (repo.git().isEmpty()) {
            return;
        }
        try {
            Path changed = GitIgnoreFile.remove(output);
            if (changed != null) {
                touched.add(changed);
            }
        } catch (IOException e) {
            throw new DvcException("cannot update .gitignore next to '" + output + "': " + e.getMessage(), null, e);
        }
    }

    /**
     * Takes back the .gitignore entries this operation added (dvc's scm_context does on any error), so a
     * failed run leaves no ignore lines for outputs it never recorded. A failure to do so is added to the
     * operation's own.
     */
    public void rollback(RuntimeException failure) {
        for (int i = ignoredHere.size() - 1; i >= 0; i--) {
            try {
                GitIgnoreFile.remove(ignoredHere.get(i));
            } catch (IOException | RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
        ignoredHere.clear();
    }

    /** Stages the files if autostage is on; otherwise returns their cwd-relative paths for the hint. */
    public List<String> finish() {
        if (touched.isEmpty() || repo.git().isEmpty()) {
            return List.of();
        }
        if (repo.config().getBoolean("core", "autostage", false)) {
            repo.git().get().add(new ArrayList<>(touched));
            return List.of();
        }
        List<String> files = new ArrayList<>();
        for (Path p : touched) {
            files.add(repo.display(repo.root().relativize(p).toString().replace(File.separatorChar, '/')));
        }
        files.sort(null);
        return files;
    }
}
