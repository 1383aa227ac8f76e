package io.github.dvcmaven.plugin;

import io.github.dvcmaven.core.api.BuildInput;
import io.github.dvcmaven.core.api.BuildInputs;
import io.github.dvcmaven.core.api.BuildInputsResult;
import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.ReaderOptions;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Versioned data and models as build inputs: the tracked paths each {@code <input>} names, at its
 * revision, fetched into the output directory (hash-verified; nothing done when the right bytes are
 * there) with a manifest of repository, revision, commit, md5 and the source's metrics to package.
 *
 * <pre>
 * &lt;input&gt;&lt;repo&gt;https://git.example.com/churn.git&lt;/repo&gt;&lt;rev&gt;v1.4&lt;/rev&gt;
 *        &lt;paths&gt;&lt;path&gt;models/churn.bin&lt;/path&gt;&lt;/paths&gt;&lt;/input&gt;
 * </pre>
 */
@Mojo(name = "inputs", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class InputsMojo extends AbstractDvcMojo {
    /** The repositories, revisions and paths this module's build takes. */
    @Parameter(required = true)
    private List<Input> inputs;

    /** Where the paths go, each under its path in its repository. */
    @Parameter(property = "dvc.inputsDirectory", defaultValue = "${project.build.outputDirectory}")
    private File outputDirectory;

    /** The JSON manifest of what was fetched (packaged with the classes by default). */
    @Parameter(
            property = "dvc.inputsManifest",
            defaultValue = "${project.build.outputDirectory}/META-INF/dvc/inputs.json")
    private File manifest;

    /** A dvc cache shared by every build on this machine, keeping what was downloaded. */
    @Parameter(property = "dvc.inputsCache", defaultValue = "${user.home}/.cache/dvc-maven/objects")
    private File cacheDir;

    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    private File basedir;

    @Override
    protected void run(Path cwd) {
        List<BuildInput> wanted = new ArrayList<>();
        for (Input i : inputs) {
            if (i.repo == null || i.repo.isBlank()) {
                throw new DvcException("an <input> of dvc:inputs has no <repo>", "name a directory or a git URL");
            }
            wanted.add(new BuildInput(i.repo, i.rev, i.paths, i.remote));
        }
        Path module = basedir.toPath().toAbsolutePath().normalize();
        ReaderOptions reader =
                ReaderOptions.defaults().withBase(options(module)).withCacheDir(cacheDir.toPath());
        BuildInputsResult r = BuildInputs.fetch(
                wanted, outputDirectory.toPath(), manifest.toPath(), reader, session != null && session.isOffline());
        getLog().info("dvc inputs: " + r.entries().size() + " path(s), " + r.written() + " fetched; manifest "
                + module.relativize(r.manifest().toAbsolutePath()));
    }

    @Override
    protected String goal() {
        return "inputs";
    }

    @Override
    protected boolean onePerRepository() {
        return false;
    }
}
