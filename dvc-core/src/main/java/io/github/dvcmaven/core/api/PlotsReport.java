package io.github.dvcmaven.core.api;

import java.util.List;

/** The plots of a set of revisions (in display order) and the problems met reading them. */
public record PlotsReport(List<String> revisions, List<RenderedPlot> plots, List<String> errors) {
    public PlotsReport {
        revisions = List.copyOf(revisions);
        plots = List.copyOf(plots);
        errors = List.copyOf(errors);
    }
}
