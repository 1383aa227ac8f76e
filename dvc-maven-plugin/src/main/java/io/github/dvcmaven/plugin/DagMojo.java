package io.github.dvcmaven.plugin;

import io.github.dvcmaven.core.api.DagRenderer;
import io.github.dvcmaven.core.api.Repo;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Prints the pipeline graph: ASCII like {@code dvc dag}, or Mermaid / DOT.
 *
 * <p>Usage:</p>
 * <pre>
 * mvn dvc:dag
 * mvn dvc:dag -Ddvc.mermaid=true -Ddvc.md=true
 * </pre>
 */
@Mojo(name = "dag", requiresProject = false, threadSafe = true)
public class DagMojo extends AbstractDvcMojo {
    /** Print a Mermaid flowchart. */
    @Parameter(property = "dvc.mermaid", defaultValue = "false")
    private boolean mermaid;

    /** Print the Mermaid flowchart inside a Markdown code fence. */
    @Parameter(property = "dvc.md", defaultValue = "false")
    private boolean md;

    /** Print Graphviz DOT. */
    @Parameter(property = "dvc.dot", defaultValue = "false")
    private boolean dot;

    @Override
    protected void run(Path cwd) {
        try (Repo repo = openRepo(cwd)) {
            DagRenderer graph = repo.dag();
            String text = dot ? graph.dot() : mermaid || md ? graph.mermaid(md) : graph.ascii();
            System.out.println(text);
        }
    }

    @Override
    protected String goal() {
        return "dag";
    }
}
