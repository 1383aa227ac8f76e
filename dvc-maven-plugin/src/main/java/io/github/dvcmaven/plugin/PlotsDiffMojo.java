package io.github.dvcmaven.plugin;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Overlays the plots of several revisions, as {@code dvc plots diff}: none given compares the workspace
 * with HEAD, one compares the workspace with it, several compare exactly those.
 *
 * <p>Usage:</p>
 * <pre>
 * mvn dvc:plots-diff
 * mvn dvc:plots-diff -Ddvc.revs=main,HEAD
 * </pre>
 */
@Mojo(name = "plots-diff", requiresProject = false, threadSafe = true)
public class PlotsDiffMojo extends AbstractPlotsMojo {
    /** Git revisions to compare (comma-separated). */
    @Parameter(property = "dvc.revs")
    private String revs;

    @Override
    protected List<String> revisions() {
        List<String> given = split(revs);
        if (given.size() > 1) {
            return given;
        }
        List<String> out = new ArrayList<>(List.of("workspace"));
        out.add(given.isEmpty() ? "HEAD" : given.get(0));
        return out;
    }

    @Override
    protected String goal() {
        return "plots-diff";
    }
}
