package io.github.dvcmaven.core.api;

import java.util.List;

/**
 * What an import or update wrote.
 *
 * @param dvcFiles the pointer files written (paths as the user sees them)
 * @param unchanged the pointers an update found already at the source's revision
 * @param filesToTrack the files git should now track
 */
public record ImportResult(List<String> dvcFiles, List<String> unchanged, List<String> filesToTrack) {}
