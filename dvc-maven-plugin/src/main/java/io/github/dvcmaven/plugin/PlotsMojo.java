package io.github.dvcmaven.plugin;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Renders the plots dvc.yaml defines, as {@code dvc plots show}: a self-contained HTML page (Vega-Lite
 * charts and images) that works offline. {@code -Ddvc.revs} shows other revisions instead of the workspace.
 *
 * <p>Usage:</p>
 * <pre>
 * mvn dvc:plots
 * mvn dvc:plots -Ddvc.targets=plots/cm.png -Ddvc.out=target/plots
 * </pre>
 */
@Mojo(name = "plots", requiresProject = false, threadSafe = true)
public class PlotsMojo extends AbstractPlotsMojo {
    /** Revisions to show (comma-separated, {@code workspace} for the working tree); default: the workspace. */
    @Parameter(property = "dvc.revs", defaultValue = "workspace")
    private String revs;

    @Override
    protected List<String> revisions() {
        return split(revs);
    }

    @Override
    protected String goal() {
        return "plots";
    }
}
