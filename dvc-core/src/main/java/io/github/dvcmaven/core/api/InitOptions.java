package io.github.dvcmaven.core.api;

/**
 * How {@link Repo#init} creates a repository: without git ({@code noScm}, as {@code dvc init --no-scm})
 * and over an existing {@code .dvc} directory ({@code force}). Built as
 * {@code InitOptions.defaults().withNoScm(true)}.
 */
public record InitOptions(boolean noScm, boolean force) {
    /** dvc init's defaults: inside a git repository, refusing an existing {@code .dvc}. */
    public static InitOptions defaults() {
        return new InitOptions(false, false);
    }

    /** Without git ({@code --no-scm}). */
    public InitOptions withNoScm(boolean on) {
        return new InitOptions(on, force);
    }

    /** Overwrite an existing {@code .dvc} ({@code --force}). */
    public InitOptions withForce(boolean on) {
        return new InitOptions(noScm, on);
    }
}
