package io.github.dvcmaven.plugin;

import io.github.dvcmaven.core.api.ReaderOptions;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Parameter;

/** The goals that read another dvc repository (import, get, list): which one, at which revision, from which remote. */
public abstract class AbstractSourceMojo extends AbstractDvcMojo {
    /** The source repository: a directory or a git URL. */
    @Parameter(property = "dvc.url", required = true)
    protected String url;

    /** The source revision (branch, tag or commit); default: its HEAD. */
    @Parameter(property = "dvc.rev")
    protected String rev;

    /** The source repository's remote to download from; default: its default remote. */
    @Parameter(property = "dvc.remote")
    protected String remote;

    /** How the source is read: this build's environment, proxies and listener, and the remote asked for. */
    protected ReaderOptions readerOptions(Path cwd) {
        return ReaderOptions.defaults().withBase(options(cwd)).withRemote(remote);
    }

    @Override
    protected boolean onePerRepository() {
        return false;
    }
}
