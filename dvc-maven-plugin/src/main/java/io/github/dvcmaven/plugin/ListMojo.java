package io.github.dvcmaven.plugin;

import io.github.dvcmaven.core.api.ListOptions;
import io.github.dvcmaven.core.api.RenderOptions;
import io.github.dvcmaven.core.api.RepoListing;
import io.github.dvcmaven.core.api.RepoReader;
import java.nio.file.Path;
import java.util.EnumSet;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Lists a dvc repository's files at a revision, git's and dvc's, as {@code dvc ls}.
 *
 * <p>Usage:</p>
 * <pre>
 * mvn dvc:list -Ddvc.url=https://git.example.com/registry.git -Ddvc.rev=v1.4
 * mvn dvc:list -Ddvc.url=../registry -Ddvc.path=data -Ddvc.recursive=true -Ddvc.size=true -Ddvc.showHash=true
 * </pre>
 */
@Mojo(name = "list", requiresProject = false, threadSafe = true)
public class ListMojo extends AbstractSourceMojo {
    /** The directory (or file) inside it; default: its top. */
    @Parameter(property = "dvc.path", defaultValue = "")
    private String path;

    /** Every file below the path (dvc's -R). */
    @Parameter(property = "dvc.recursive", defaultValue = "false")
    private boolean recursive;

    /** Only what dvc tracks. */
    @Parameter(property = "dvc.dvcOnly", defaultValue = "false")
    private boolean dvcOnly;

    /** Print dvc's --json on standard output. */
    @Parameter(property = "dvc.json", defaultValue = "false")
    private boolean json;

    /** Show sizes. */
    @Parameter(property = "dvc.size", defaultValue = "false")
    private boolean size;

    /** Show dvc's hash of each entry. */
    @Parameter(property = "dvc.showHash", defaultValue = "false")
    private boolean showHash;

    @Override
    protected void run(Path cwd) {
        EnumSet<RepoListing.Column> columns = EnumSet.noneOf(RepoListing.Column.class);
        if (size) {
            columns.add(RepoListing.Column.SIZE);
        }
        if (showHash) {
            columns.add(RepoListing.Column.HASH);
        }
        try (RepoReader reader = RepoReader.open(url, rev, readerOptions(cwd))) {
            RepoListing listing = new RepoListing(
                    reader.list(ListOptions.of(path).withRecursive(recursive).withDvcOnly(dvcOnly)), columns);
            show(listing, json ? RenderOptions.of(RenderOptions.Format.JSON) : RenderOptions.text());
        }
    }

    @Override
    protected String goal() {
        return "list";
    }
}
