package io.github.dvcmaven.core.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code dvc import-url URL [OUT]}: a file or directory at a URL taken under dvc control, its pointer
 * recording the source's checksum so that {@code update} can tell when it changed.
 *
 * @param url a local path (relative to the working directory), {@code s3://}, {@code gs://},
 *     {@code azure://} or {@code remote://NAME/path}
 * @param out where it goes in this repository; null: the URL's last segment, or inside {@code out} when
 *     that is an existing directory
 * @param mode whether the data is downloaded now, and where to
 * @param remote the remote {@link Mode#TO_REMOTE} uploads to ({@code -r}); null: the default remote
 * @param fsConfig options for the URL's storage ({@code --fs-config}, e.g. {@code endpointurl}),
 *     checked as a remote's options are and recorded in the pointer
 * @param force replace an existing output or pointer ({@code --force})
 */
public record ImportUrlOptions(
        String url, String out, Mode mode, String remote, Map<String, String> fsConfig, boolean force) {
    /** How much of the import happens now. */
    public enum Mode {
        /** Download into the cache and check it out (the default). */
        DOWNLOAD,
        /** Record the source's checksum, download nothing ({@code --no-download}). */
        NO_DOWNLOAD,
        /** Only write the pointer ({@code --no-exec}). */
        NO_EXEC,
        /** Stream the data to a remote, not into this workspace or cache ({@code --to-remote}). */
        TO_REMOTE
    }

    public ImportUrlOptions {
        Objects.requireNonNull(mode, "mode");
        fsConfig = Collections.unmodifiableMap(new LinkedHashMap<>(fsConfig));
    }

    /** An import of {@code url}, downloaded now. */
    public static ImportUrlOptions of(String url) {
        return new ImportUrlOptions(url, null, Mode.DOWNLOAD, null, Map.of(), false);
    }

    /** Where it goes in this repository ({@code -o}). */
    public ImportUrlOptions withOut(String value) {
        return new ImportUrlOptions(url, value, mode, remote, fsConfig, force);
    }

    /** How much happens now ({@code --no-download}, {@code --no-exec}, {@code --to-remote}). */
    public ImportUrlOptions withMode(Mode value) {
        return new ImportUrlOptions(url, out, value, remote, fsConfig, force);
    }

    /** The remote {@code --to-remote} uploads to ({@code -r}). */
    public ImportUrlOptions withRemote(String value) {
        return new ImportUrlOptions(url, out, mode, value, fsConfig, force);
    }

    /** Options for the URL's storage ({@code --fs-config NAME=VALUE}). */
    public ImportUrlOptions withFsConfig(Map<String, String> value) {
        return new ImportUrlOptions(url, out, mode, remote, value, force);
    }

    /** Replace an existing output or pointer ({@code --force}). */
    public ImportUrlOptions withForce(boolean on) {
        return new ImportUrlOptions(url, out, mode, remote, fsConfig, on);
    }
}
