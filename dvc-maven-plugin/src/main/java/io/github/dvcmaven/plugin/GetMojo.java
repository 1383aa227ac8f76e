package io.github.dvcmaven.plugin;

import io.github.dvcmaven.core.api.RepoReader;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Downloads a file or directory of a dvc repository at a revision, as {@code dvc get}: no pointer, no
 * dvc repository needed here.
 *
 * <p>Usage:</p>
 * <pre>
 * mvn dvc:get -Ddvc.url=https://git.example.com/registry.git -Ddvc.path=models/churn.pkl -Ddvc.rev=v1.4
 * mvn dvc:get -Ddvc.url=../registry -Ddvc.path=models/churn.pkl -Ddvc.showUrl=true
 * </pre>
 */
@Mojo(name = "get", requiresProject = false, threadSafe = true)
public class GetMojo extends AbstractSourceMojo {
    /** The path inside the source repository. */
    @Parameter(property = "dvc.path", required = true)
    private String path;

    /** Where to write it; default: the last segment of the path, in the working directory. */
    @Parameter(property = "dvc.out")
    private String out;

    /** Print the object's URL on the remote instead of downloading it (dvc's --show-url). */
    @Parameter(property = "dvc.showUrl", defaultValue = "false")
    private boolean showUrl;

    @Override
    protected void run(Path cwd) {
        try (RepoReader reader = RepoReader.open(url, rev, readerOptions(cwd))) {
            if (showUrl) {
                System.out.println(reader.getUrl(path));
                return;
            }
            String name = path.replaceAll("/+$", "");
            Path dest = cwd.resolve(out != null ? out : name.substring(name.lastIndexOf('/') + 1));
            reader.get(path, dest);
            getLog().info("Downloaded '" + path + "' (" + reader.commit() + ") to " + dest);
        }
    }

    @Override
    protected String goal() {
        return "get";
    }
}
