package io.github.dvcmaven.plugin;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.Repo;
import io.github.dvcmaven.core.api.RepoOptions;
import io.github.dvcmaven.plugin.report.DvcReportContent;
import io.github.dvcmaven.plugin.report.HtmlReportWriter;
import io.github.dvcmaven.plugin.report.ReportWriter;
import io.github.dvcmaven.plugin.report.SinkReportWriter;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.MavenReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * The Maven site report: current metrics, metrics and params diff against a base revision, and the
 * plots. Declare the plugin under {@code <reporting>}; {@code mvn dvc:report} writes it standalone.
 *
 * <p>Usage:</p>
 * <pre>
 * mvn site                                  (declared under &lt;reporting&gt;)
 * mvn dvc:report -Ddvc.report.base=main
 * </pre>
 */
@Mojo(name = "report", threadSafe = true)
public class ReportMojo extends AbstractMojo implements MavenReport {
    /** The dvc repository (or a directory inside it); default: the project's directory. */
    @Parameter(property = "dvc.root", defaultValue = "${project.basedir}")
    private File root;

    /** The revision the workspace is compared with (e.g. {@code origin/main} in a pull-request build). */
    @Parameter(property = "dvc.report.base", defaultValue = "HEAD")
    private String base;

    @Parameter(defaultValue = "${project.reporting.outputDirectory}", readonly = true, required = true)
    private File outputDirectory;

    @Override
    public void execute() throws MojoFailureException {
        HtmlReportWriter w = new HtmlReportWriter();
        try {
            render(w);
            Path page = outputDirectory.toPath().resolve(getOutputName() + ".html");
            Files.writeString(page, w.html());
            getLog().info("dvc report: " + page.toUri());
        } catch (DvcException | IOException e) {
            throw new MojoFailureException("dvc report: " + e.getMessage(), e);
        }
    }

    @Override
    public void generate(Sink sink, Locale locale) throws MavenReportException {
        try {
            render(new SinkReportWriter(sink));
        } catch (DvcException e) {
            throw new MavenReportException("dvc report: " + e.getMessage(), e);
        }
    }

    private void render(ReportWriter w) {
        Path cwd = root.toPath().toAbsolutePath().normalize();
        RepoOptions options = RepoOptions.defaults()
                .withCwd(cwd)
                .withListener(new MavenRepoListener(getLog(), false, System.out, text -> text));
        try (Repo repo = Repo.open(cwd, options)) {
            DvcReportContent.write(repo, base, outputDirectory.toPath(), w);
        }
    }

    @Override
    public boolean canGenerateReport() {
        try {
            Repo.findRoot(root.toPath());
            return true;
        } catch (DvcException e) {
            getLog().info("dvc report skipped: " + e.getMessage());
            return false;
        }
    }

    @Override
    public String getOutputName() {
        return "dvc-report";
    }

    @Override
    public String getCategoryName() {
        return CATEGORY_PROJECT_REPORTS;
    }

    @Override
    public String getName(Locale locale) {
        return "DVC metrics and plots";
    }

    @Override
    public String getDescription(Locale locale) {
        return "Metrics, their diff against " + base + ", params diff and plots of the dvc repository.";
    }

    @Override
    public void setReportOutputDirectory(File directory) {
        this.outputDirectory = directory;
    }

    @Override
    public File getReportOutputDirectory() {
        return outputDirectory;
    }

    @Override
    public boolean isExternalReport() {
        return false;
    }
}
