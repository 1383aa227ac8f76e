package io.github.dvcmaven.plugin;

import io.github.dvcmaven.core.api.UrlData;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Downloads a file or directory at a URL, as {@code dvc get-url}: nothing tracked, no repository needed.
 *
 * <p>Usage:</p>
 * <pre>
 * mvn dvc:get-url -Ddvc.url=s3://raw-data/churn.csv -Ddvc.out=churn.csv
 * </pre>
 */
@Mojo(name = "get-url", requiresProject = false, threadSafe = true)
public class GetUrlMojo extends AbstractDvcMojo {
    /** A local path, s3://, gs:// or azure://. */
    @Parameter(property = "dvc.url", required = true)
    private String url;

    /** Where to write it; default: the URL's last segment, in the working directory. */
    @Parameter(property = "dvc.out")
    private String out;

    /** Storage options for the URL, NAME=VALUE, comma-separated (dvc's --fs-config). */
    @Parameter(property = "dvc.fsConfig")
    private List<String> fsConfig;

    @Override
    protected void run(Path cwd) {
        Path written = UrlData.get(url, out, FsConfig.parse(fsConfig), options(cwd));
        getLog().info("Downloaded '" + url + "' to " + written);
    }

    @Override
    protected String goal() {
        return "get-url";
    }

    @Override
    protected boolean onePerRepository() {
        return false;
    }
}
