package io.github.dvcmaven.core.api;

import java.util.List;
import java.util.Objects;

/**
 * Files a build takes from a dvc repository: which repository (a local directory or a git URL), at
 * which revision (a tag, for a reproducible build), which tracked paths, and from which of its remotes.
 *
 * @param repo the source repository, relative to the build's working directory when a path
 * @param rev a branch, tag or commit; null: its HEAD
 * @param paths files or directories tracked there (outputs, members of directory outputs, git files)
 * @param remote the source's remote to download from; null: its default
 */
public record BuildInput(String repo, String rev, List<String> paths, String remote) {
    public BuildInput {
        Objects.requireNonNull(repo, "repo");
        paths = List.copyOf(paths);
    }
}
