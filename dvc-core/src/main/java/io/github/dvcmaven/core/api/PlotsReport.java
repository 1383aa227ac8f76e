package io.github.dvcmaven.core.api;

import io.github.dvcmaven.core.internal.plots.PlotsPage;
import java.nio.file.Path;
import java.util.List;

/** The plots of a set of revisions (in display order) and the problems met reading them. */
public record PlotsReport(List<String> revisions, List<RenderedPlot> plots, List<String> errors) {
    /** Where dvc writes the plots page unless {@code plots.out_dir} says otherwise. */
    public static final String DEFAULT_DIR = PlotsPage.DEFAULT_DIR;

    public PlotsReport {
        revisions = List.copyOf(revisions);
        plots = List.copyOf(plots);
        errors = List.copyOf(errors);
    }

    /** Writes the self-contained page ({@code index.html}, Vega inlined, images embedded) into {@code dir}; returns it. */
    public Path writePage(Path dir, String title) {
        return PlotsPage.write(this, dir, title);
    }

    /** {@code dvc plots show --json}: the plots' data and specs, images written into {@code dir}. */
    public String toJson(Path dir) {
        return PlotsPage.json(this, dir);
    }
}
