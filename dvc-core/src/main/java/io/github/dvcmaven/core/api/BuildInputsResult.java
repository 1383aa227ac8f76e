package io.github.dvcmaven.core.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@link BuildInputs#fetch} left in the output directory: every path with the commit and hash it
 * came from, which of them it had to write, and the manifest recording it all.
 */
public record BuildInputsResult(List<Entry> entries, Path manifest) {
    /** One tracked path as written: its source, the resolved commit, its md5 (a {@code .dir} hash for a directory). */
    public record Entry(
            String repo,
            String rev,
            String commit,
            String path,
            String md5,
            long size,
            String file,
            boolean written,
            Map<String, Object> metrics) {}

    /** How many paths had to be downloaded (0: the output directory already held the right bytes). */
    public long written() {
        return entries.stream().filter(Entry::written).count();
    }
}
