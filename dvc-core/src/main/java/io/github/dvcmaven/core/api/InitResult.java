package io.github.dvcmaven.core.api;

import java.nio.file.Path;
import java.util.List;

/** The new repository's root and the files git should now track. */
public record InitResult(Path root, List<String> filesToTrack) {}
