package io.github.dvcmaven.core.interop;

import io.github.dvcmaven.core.testing.AzuriteServer;
import io.github.dvcmaven.core.testing.CloudServer;
import java.nio.file.Path;

/** dvc and dvc-maven sharing a remote on AzuriteServer. */
class AzureInteropTest extends CloudInteropTest {
    @Override
    protected CloudServer start(Path dir) throws Exception {
        return new AzuriteServer(dir);
    }
}
