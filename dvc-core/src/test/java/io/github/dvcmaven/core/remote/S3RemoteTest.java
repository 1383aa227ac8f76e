package io.github.dvcmaven.core.remote;

import io.github.dvcmaven.core.testing.CloudServer;
import io.github.dvcmaven.core.testing.S3ProxyServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The remote contract on S3 (S3Proxy, in-process). */
class S3RemoteTest extends RemoteContractTest {
    @Override
    protected CloudServer start(Path dir) throws Exception {
        return new S3ProxyServer();
    }

    @Test
    void wrongCredentialsFailClearlyWithoutPrintingTheSecret() throws Exception {
        assertWrongCredentialsFailClearlyWithoutPrintingTheSecret();
    }
}
