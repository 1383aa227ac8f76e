package io.github.dvcmaven.core.internal.hash;

/**
 * What dvc records beside a hash: {@code size} (bytes; sum of members for a directory),
 * {@code nfiles} (directories only) and {@code isexec} (single files only, true only).
 */
public record Meta(Long size, Integer nfiles, boolean isexec) {
    public static final Meta EMPTY = new Meta(null, null, false);

    public static Meta file(long size, boolean isexec) {
        return new Meta(size, null, isexec);
    }

    public static Meta dir(long size, int nfiles) {
        return new Meta(size, nfiles, false);
    }
}
