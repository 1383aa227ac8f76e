package io.github.dvcmaven.plugin;

import io.github.dvcmaven.core.api.PlotsReport;
import io.github.dvcmaven.core.api.Repo;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugins.annotations.Parameter;

/** Renders the plots of some revisions into an offline HTML page, or prints dvc's --json. */
public abstract class AbstractPlotsMojo extends AbstractDvcMojo {
    /** Plot ids or files to render; default: every plot dvc.yaml defines. */
    @Parameter(property = "dvc.targets")
    private String targets;

    /** Directory of the page; default: dvc's {@code plots.out_dir}, else {@code dvc_plots}. */
    @Parameter(property = "dvc.out")
    private String out;

    /** Print dvc's {@code --json} (specs, image paths) on standard output instead of only writing the page. */
    @Parameter(property = "dvc.json", defaultValue = "false")
    private boolean json;

    @Override
    protected boolean onePerRepository() {
        return false;
    }

    protected abstract List<String> revisions();

    @Override
    protected void run(Path cwd) {
        try (Repo repo = openRepo(cwd)) {
            PlotsReport report = repo.plots(revisions(), split(targets));
            Path dir = cwd.resolve(
                    out != null ? out : repo.config("plots", "out_dir").orElse(PlotsReport.DEFAULT_DIR));
            if (json) {
                System.out.println(report.toJson(dir));
                return;
            }
            if (report.plots().isEmpty()) {
                getLog().warn("No plots were loaded, visualization file will not be created.");
                return;
            }
            Path page = report.writePage(dir, "DVC plots");
            getLog().info(report.plots().size() + " plot(s) of " + String.join(", ", report.revisions()) + ": "
                    + page.toUri());
        }
    }
}
