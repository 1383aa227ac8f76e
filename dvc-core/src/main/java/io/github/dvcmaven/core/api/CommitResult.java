package io.github.dvcmaven.core.api;

import java.util.List;

/** Stage files whose outputs were saved to the cache, and the files git should now track. */
public record CommitResult(List<String> committed, List<String> filesToTrack) {}
