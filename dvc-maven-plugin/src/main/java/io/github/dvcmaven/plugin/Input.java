package io.github.dvcmaven.plugin;

import java.util.ArrayList;
import java.util.List;

/** One {@code <input>} of {@code dvc:inputs}: a dvc repository, a revision, the tracked paths a build takes. */
public class Input {
    /** A directory (relative to the module) or a git URL of a dvc repository. */
    String repo;

    /** A tag, branch or commit; default: the repository's HEAD. A tag makes the build reproducible. */
    String rev;

    /** Tracked files or directories there. */
    List<String> paths = new ArrayList<>();

    /** The source's remote to download from; default: its default remote. */
    String remote;
}
