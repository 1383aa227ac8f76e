package io.github.dvcmaven.core.internal.remote;

import io.github.dvcmaven.core.testing.AzuriteServer;
import io.github.dvcmaven.core.testing.CloudServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The remote contract on Azure Blob Storage (Azurite). */
class AzureRemoteTest extends RemoteContractTest {
    @Override
    protected CloudServer start(Path dir) throws Exception {
        return new AzuriteServer(dir);
    }

    @Test
    void wrongCredentialsFailClearlyWithoutPrintingTheSecret() throws Exception {
        assertWrongCredentialsFailClearlyWithoutPrintingTheSecret();
    }
}
