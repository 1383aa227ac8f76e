package io.github.dvcmaven.core.internal.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One resolved stage of a {@code dvc.yaml} (after vars, {@code ${}}, foreach and matrix): its command,
 * working directory, file dependencies, parameters and outputs. {@code dvcfile} is the posix path of
 * its dvc.yaml; {@code wdir} the posix directory commands run in, both from the repo root.
 */
public record PipelineStage(
        String name,
        String dvcfile,
        String wdir,
        Object cmd,
        List<Output> deps,
        List<ParamsDep> params,
        List<Output> outs,
        boolean frozen,
        boolean alwaysChanged,
        String desc,
        int line)
        implements Stage {

    /** dvc's addressing: the name for ./dvc.yaml, {@code path/dvc.yaml:name} otherwise. */
    @Override
    public String addressing() {
        return dvcfile.equals("dvc.yaml") ? name : dvcfile + ":" + name;
    }

    /** The lock file beside the dvc.yaml. */
    public String lockfile() {
        return dvcfile.substring(0, dvcfile.length() - "yaml".length()) + "lock";
    }

    /** Commands to run, one per shell: a list as it is, a string split into lines. */
    public List<String> commands() {
        List<String> out = new ArrayList<>();
        if (cmd instanceof List<?> list) {
            for (Object o : list) {
                out.add(String.valueOf(o));
            }
        } else {
            for (String line : String.valueOf(cmd).split("\r\n|\n|\r")) {
                if (!line.isEmpty()) {
                    out.add(line);
                }
            }
        }
        return out;
    }

    /** Where its dependencies are, under the repository root {@code root} (what dvc's rwlock registers as read). */
    public List<Path> depPaths(Path root) {
        return deps.stream().map(d -> root.resolve(d.repoPath())).toList();
    }

    /** Where its outputs are, under the repository root {@code root} (what dvc's rwlock registers as written). */
    public List<Path> outPaths(Path root) {
        return outs.stream().map(o -> root.resolve(o.repoPath())).toList();
    }

    /** A stage with a command but neither deps nor outs: dvc treats it as always changed. */
    public boolean isCallback() {
        return deps.isEmpty() && params.isEmpty() && outs.isEmpty();
    }
}
