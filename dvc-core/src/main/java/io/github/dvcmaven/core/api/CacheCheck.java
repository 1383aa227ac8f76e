package io.github.dvcmaven.core.api;

import java.util.List;

/**
 * What a verification of the local cache found (Git's fsck for dvc's cache, which dvc itself lacks):
 * how many objects were hashed, and the cache paths of those whose bytes no longer match their name,
 * removed when asked so that a fetch can restore them.
 */
public record CacheCheck(int checked, List<String> corrupt, boolean removed) {
    public CacheCheck {
        corrupt = List.copyOf(corrupt);
    }
}
