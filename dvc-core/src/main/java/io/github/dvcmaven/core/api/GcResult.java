package io.github.dvcmaven.core.api;

import java.util.List;

/** Objects gc removed, or in a dry run would remove: repo-cache keys and remote keys, with their total size. */
public record GcResult(boolean dryRun, List<String> cacheObjects, long cacheBytes, List<String> remoteObjects) {}
