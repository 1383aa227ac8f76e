package io.github.dvcmaven.core.api;

import java.util.List;

/** The pointer files written by {@code add}, and the files git should now track. */
public record AddResult(List<String> dvcFiles, List<String> filesToTrack) {}
