package io.github.dvcmaven.core.internal.pipeline;

import io.github.dvcmaven.core.api.HashInfo;
import io.github.dvcmaven.core.internal.hash.Meta;
import java.util.Map;

/**
 * A tracked path of a stage: a {@code .dvc} pointer's output, a pipeline {@code outs}/{@code metrics}/
 * {@code plots} entry, or a dependency (then {@code cache} is irrelevant). {@code defPath} is the path
 * exactly as written in its file; {@code repoPath} the normalised posix path from the repo root.
 */
public record Output(
        String defPath,
        String repoPath,
        HashInfo hash,
        Meta meta,
        boolean cache,
        boolean persist,
        boolean push,
        String remote,
        Kind kind,
        Map<String, Object> annotations) {

    public enum Kind {
        OUT,
        METRIC,
        PLOT,
        DEP
    }

    public Output {
        meta = meta == null ? Meta.EMPTY : meta;
        annotations = annotations == null ? Map.of() : annotations;
    }

    public Output withHash(HashInfo newHash, Meta newMeta) {
        return new Output(defPath, repoPath, newHash, newMeta, cache, persist, push, remote, kind, annotations);
    }

    /** The algorithm this output is hashed with: legacy entries keep md5-dos2unix until their content changes. */
    public String hashAlgorithm() {
        return hash != null ? hash.name() : HashInfo.MD5;
    }

    public boolean isDirHash() {
        return hash != null && hash.isDir();
    }

    @Override
    public String toString() {
        return repoPath;
    }
}
