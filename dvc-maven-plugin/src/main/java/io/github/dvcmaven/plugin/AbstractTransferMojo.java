package io.github.dvcmaven.plugin;

import io.github.dvcmaven.core.api.SyncOptions;
import org.apache.maven.plugins.annotations.Parameter;

/** Options shared by push, pull and fetch. */
public abstract class AbstractTransferMojo extends AbstractScopedMojo {
    /** Also transfer the run-cache (runs/). */
    @Parameter(property = "dvc.runCache", defaultValue = "false")
    protected boolean runCache;

    @Override
    protected SyncOptions syncOptions() {
        return super.syncOptions().withRunCache(runCache);
    }
}
