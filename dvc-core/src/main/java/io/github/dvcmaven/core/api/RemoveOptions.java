package io.github.dvcmaven.core.api;

import java.util.List;

/**
 * What {@code dvc remove} removes: the {@code .dvc} files or pipeline stages named, and with
 * {@code outputs} (dvc's {@code --outs}) their data in the workspace too. Built as
 * {@code RemoveOptions.of(List.of("train")).withOutputs(true)}.
 */
public record RemoveOptions(List<String> targets, boolean outputs) {
    public RemoveOptions {
        targets = List.copyOf(targets);
    }

    /** Removes these stages' or pointers' records, keeping their outputs in the workspace. */
    public static RemoveOptions of(List<String> targets) {
        return new RemoveOptions(targets, false);
    }

    /** Also delete the outputs from the workspace ({@code --outs}). */
    public RemoveOptions withOutputs(boolean on) {
        return new RemoveOptions(targets, on);
    }
}
