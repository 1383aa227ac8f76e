package io.github.dvcmaven.core.internal.config;

/** dvc's config levels, lowest priority first; later levels override earlier ones key by key. */
public enum ConfigLevel {
    SYSTEM,
    GLOBAL,
    REPO,
    LOCAL
}
