package io.github.dvcmaven.core.internal.pipeline;

import java.util.List;

/** A node of the pipeline graph: a {@code .dvc} file or a {@code dvc.yaml} stage. */
public sealed interface Stage permits DvcFileStage, PipelineStage {
    /** How dvc names it in messages: {@code data.dvc}, {@code train}, {@code sub/dvc.yaml:train}. */
    String addressing();

    List<Output> outs();

    List<Output> deps();

    List<ParamsDep> params();

    boolean frozen();
}
