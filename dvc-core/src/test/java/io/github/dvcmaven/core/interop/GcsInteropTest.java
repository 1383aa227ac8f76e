package io.github.dvcmaven.core.interop;

import io.github.dvcmaven.core.testing.CloudServer;
import io.github.dvcmaven.core.testing.FakeGcsServer;
import java.nio.file.Path;

/** dvc and dvc-maven sharing a remote on FakeGcsServer. */
class GcsInteropTest extends CloudInteropTest {
    @Override
    protected CloudServer start(Path dir) throws Exception {
        return new FakeGcsServer(dir);
    }
}
