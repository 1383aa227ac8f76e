package io.github.dvcmaven.core.internal.remote;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.testing.CloudServer;
import io.github.dvcmaven.core.testing.FakeGcsServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The remote contract on Google Cloud Storage (fake-gcs-server). */
class GcsRemoteTest extends RemoteContractTest {
    @Override
    protected CloudServer start(Path dir) throws Exception {
        return new FakeGcsServer(dir);
    }

    @Test
    void anUnreadableCredentialFileIsNamedWithAHint() throws Exception {
        Path bad = Files.writeString(
                tmp.resolve("key.json"), "{\"type\": \"service_account\", \"private_key\": \"oops\"}");
        Map<String, Object> opts = new LinkedHashMap<>();
        opts.put("name", "storage");
        opts.put("url", server.url(prefix));
        opts.put("credentialpath", bad.toString());
        assertThatThrownBy(() -> Remotes.open(opts, Map.of()).close())
                .isInstanceOf(DvcException.class)
                .hasMessageContaining("remote 'storage'")
                .hasMessageContaining(bad.toString());
    }
}
