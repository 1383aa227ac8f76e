package io.github.dvcmaven.core.api;

import java.util.List;

/** A stage that is not up to date: its addressing as dvc prints it, and each change, in dvc's order. */
public record StageStatus(String addressing, List<StageChange> changes) {
    public StageStatus {
        changes = List.copyOf(changes);
    }
}
