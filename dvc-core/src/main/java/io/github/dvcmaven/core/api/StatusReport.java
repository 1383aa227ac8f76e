package io.github.dvcmaven.core.api;

import java.util.List;

/**
 * {@code dvc status}: the stages and tracked files that are not up to date, each with its typed
 * changes, and (for a status allowed to miss data) what this checkout lacked.
 *
 * @param stageStatuses the stale stages and pointers in dvc's order
 * @param projectEmpty true when nothing is tracked at all
 * @param missing what this checkout lacked; {@link MissingData#NONE} unless the status was allowed to
 *     miss data
 */
public record StatusReport(List<StageStatus> stageStatuses, boolean projectEmpty, MissingData missing)
        implements Report {
    /** dvc's line for a clean project. */
    public static final String UP_TO_DATE = "Data and pipelines are up to date.";

    /** dvc's line for a project that tracks nothing. */
    public static final String EMPTY_PROJECT = "There are no data or pipelines tracked in this project yet.";

    public StatusReport {
        stageStatuses = List.copyOf(stageStatuses);
    }

    /** True when every stage and tracked file is up to date. */
    public boolean isClean() {
        return stageStatuses.isEmpty();
    }
}
