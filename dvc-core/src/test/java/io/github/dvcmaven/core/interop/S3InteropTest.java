package io.github.dvcmaven.core.interop;

import io.github.dvcmaven.core.testing.CloudServer;
import io.github.dvcmaven.core.testing.S3ProxyServer;
import java.nio.file.Path;

/** dvc and dvc-maven sharing a remote on S3ProxyServer. */
class S3InteropTest extends CloudInteropTest {
    @Override
    protected CloudServer start(Path dir) throws Exception {
        return new S3ProxyServer();
    }
}
