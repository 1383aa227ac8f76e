package io.github.dvcmaven.core.api;

/**
 * An entry of a repository listing ({@code dvc ls}): a file or directory committed to git or tracked by
 * dvc, at one revision.
 *
 * @param path the path, relative to the directory listed
 * @param isOut whether dvc tracks it (an output, or a file inside a directory output)
 * @param isDir whether it is a directory
 * @param isExec whether it is an executable file
 * @param size its size in bytes as recorded (a directory output: its files' sum); null when not recorded
 * @param hash dvc's hash of it; null for what git tracks
 */
public record TrackedFile(String path, boolean isOut, boolean isDir, boolean isExec, Long size, HashInfo hash) {}
