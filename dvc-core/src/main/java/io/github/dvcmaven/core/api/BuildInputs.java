package io.github.dvcmaven.core.api;

import io.github.dvcmaven.core.internal.external.BuildInputsOperation;
import java.nio.file.Path;
import java.util.List;

/**
 * Versioned data and models as inputs of a build: each {@link BuildInput}'s paths fetched at its
 * revision into an output directory (e.g. {@code target/classes/models}), hash-verified, with a
 * manifest of repository, revision, commit, hashes and the source's metrics at that commit, the
 * evidence a model registry or a release review asks for.
 *
 * <p>Incremental: when the manifest already records the commit the revision resolves to and the files
 * on disk still have the recorded hashes, nothing is downloaded. Offline, the revision is not resolved
 * again: the manifest's commit is used if the files are intact, else the fetch fails naming the input.
 */
public final class BuildInputs {
    private BuildInputs() {}

    /**
     * Fetches what the inputs name that the output directory lacks, and writes the manifest.
     *
     * @param inputs the repositories, revisions and paths
     * @param outputDirectory where the paths go, each under its path in the source repository
     * @param manifest the JSON manifest to write (kept beside the data, packaged with it)
     * @param reader options of the reads: environment, listener, and a machine-wide cache ({@link
     *     ReaderOptions#withCacheDir}) that keeps downloads for every build on this machine
     * @param offline resolve nothing over the network (Maven's {@code -o})
     */
    public static BuildInputsResult fetch(
            List<BuildInput> inputs, Path outputDirectory, Path manifest, ReaderOptions reader, boolean offline) {
        return new BuildInputsOperation(reader, offline).fetch(inputs, outputDirectory, manifest);
    }
}
