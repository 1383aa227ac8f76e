package io.github.dvcmaven.core.internal.pipeline;

import java.util.List;
import java.util.Map;

/**
 * A stage defined by a {@code .dvc} file: usually data tracked with {@code add} (outs only), possibly an
 * import ({@code deps} in the file, kept raw as {@code imports}; frozen; md5). {@code file} is the pointer's posix path from the repo root; {@code wdir}
 * the posix directory its paths are relative to. {@code raw} is the parsed document, kept so a rewrite
 * preserves the user's keys and order as dvc does.
 */
public record DvcFileStage(
        String file,
        String wdir,
        List<Output> outs,
        List<Map<String, Object>> imports,
        String md5,
        boolean frozen,
        String desc,
        Object meta,
        Map<String, Object> raw)
        implements Stage {

    public DvcFileStage withOuts(List<Output> newOuts) {
        return new DvcFileStage(file, wdir, List.copyOf(newOuts), imports, md5, frozen, desc, meta, raw);
    }

    /** How dvc names this stage in status output: the .dvc file's path. */
    @Override
    public String addressing() {
        return file;
    }

    public boolean isImport() {
        return !imports.isEmpty();
    }

    /** An {@code import-url} pointer: its dependency is a URL, not a path of another repository. */
    public boolean isUrlImport() {
        return isImport() && !imports.get(0).containsKey("repo");
    }

    /** A {@code dvc import} pointer: its data comes from another repository. */
    public boolean isRepoImport() {
        return isImport() && imports.get(0).containsKey("repo");
    }

    @Override
    public List<Output> deps() {
        return List.of();
    }

    @Override
    public List<ParamsDep> params() {
        return List.of();
    }
}
