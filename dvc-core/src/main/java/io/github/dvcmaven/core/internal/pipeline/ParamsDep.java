package io.github.dvcmaven.core.internal.pipeline;

import java.util.List;

/**
 * A stage's dependency on parameters: keys ({@code train.lr}) of one file, or the whole file when
 * {@code keys} is empty. {@code defPath} is the file as the lock names it (relative to the stage's
 * wdir, posix); {@code repoPath} from the repo root.
 */
public record ParamsDep(String defPath, String repoPath, List<String> keys) {
    public static final String DEFAULT_FILE = "params.yaml";

    public boolean wholeFile() {
        return keys.isEmpty();
    }
}
