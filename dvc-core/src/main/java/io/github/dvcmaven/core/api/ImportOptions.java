package io.github.dvcmaven.core.api;

import java.util.Objects;

/**
 * {@code dvc import URL PATH}: which repository and path, where it goes, at which revision, and how much
 * of it happens now.
 *
 * @param url the source repository: a local directory (relative to the working directory) or a git URL
 * @param path the path inside the source repository: a dvc output, a file or folder inside one, or a
 *     file committed to git there
 * @param out where it goes in this repository ({@code -o}); null: the last segment of {@code path}, or
 *     inside {@code out} when that is an existing directory
 * @param rev the source revision ({@code --rev}: branch, tag or commit); null: its HEAD
 * @param remote the source repository's remote to download from ({@code --remote}); null: its default
 * @param mode whether data is downloaded and the pointer locked now
 * @param force replace an existing output or pointer ({@code --force})
 */
public record ImportOptions(String url, String path, String out, String rev, String remote, Mode mode, boolean force) {
    /** How much of the import happens now. */
    public enum Mode {
        /** Resolve the revision, download the data and check it out (the default). */
        DOWNLOAD,
        /** Resolve and record the revision and hashes, download nothing ({@code --no-download}). */
        NO_DOWNLOAD,
        /** Only write the pointer; {@code update} resolves it later ({@code --no-exec}). */
        NO_EXEC
    }

    public ImportOptions {
        Objects.requireNonNull(mode, "mode");
    }

    /** An import of {@code path} from {@code url} at its HEAD, downloaded now. */
    public static ImportOptions of(String url, String path) {
        return new ImportOptions(url, path, null, null, null, Mode.DOWNLOAD, false);
    }

    /** Where the import goes ({@code -o}). */
    public ImportOptions withOut(String value) {
        return new ImportOptions(url, path, value, rev, remote, mode, force);
    }

    /** The source revision ({@code --rev}). */
    public ImportOptions withRev(String value) {
        return new ImportOptions(url, path, out, value, remote, mode, force);
    }

    /** The source repository's remote to download from ({@code --remote}). */
    public ImportOptions withRemote(String value) {
        return new ImportOptions(url, path, out, rev, value, mode, force);
    }

    /** How much happens now ({@code --no-download}, {@code --no-exec}). */
    public ImportOptions withMode(Mode value) {
        return new ImportOptions(url, path, out, rev, remote, value, force);
    }

    /** Replace an existing output or pointer ({@code --force}). */
    public ImportOptions withForce(boolean on) {
        return new ImportOptions(url, path, out, rev, remote, mode, on);
    }
}
