package io.github.dvcmaven.core.internal.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dvcmaven.core.api.HttpProxy;
import io.github.dvcmaven.core.testing.ForwardProxy;
import io.github.dvcmaven.core.testing.S3ProxyServer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The proxy a front end chose (settings.xml, proxy system properties) carries an S3 remote's requests, with its login. */
class ProxyTest {
    @TempDir
    Path tmp;

    @Test
    void s3RequestsGoThroughTheProxyWithItsLoginAndNonProxyHostsBypassIt() throws Exception {
        try (S3ProxyServer s3 = new S3ProxyServer();
                ForwardProxy proxy = new ForwardProxy("builder", "proxyPassw0rd")) {
            Map<String, Object> opts = new LinkedHashMap<>(s3.remoteOptions(true));
            opts.put("name", "proxied");
            opts.put("url", s3.url("via-proxy"));
            Path file = Files.writeString(tmp.resolve("obj"), "through the proxy");
            HttpProxy via = new HttpProxy("127.0.0.1", proxy.port(), "builder", "proxyPassw0rd", List.of());
            try (Remote r = Remotes.open(opts, Map.of(), Map.of("http", via))) {
                r.upload(file, "files/md5/ab/cdef");
                try (InputStream in = r.open("files/md5/ab/cdef")) {
                    assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                            .isEqualTo("through the proxy");
                }
            }
            // a connection's first request is recorded (the rest reuse it); each got past the login check
            assertThat(proxy.requests).anyMatch(l -> l.startsWith("PUT http://127.0.0.1:"));
            int seen = proxy.requests.size();

            HttpProxy bypassed =
                    new HttpProxy("127.0.0.1", proxy.port(), "builder", "proxyPassw0rd", List.of("127.0.0.1"));
            try (Remote r = Remotes.open(opts, Map.of(), Map.of("http", bypassed))) {
                assertThat(r.exists("files/md5/ab/cdef")).isTrue();
            }
            assertThat(proxy.requests).as("127.0.0.1 is a non-proxy host").hasSize(seen);
        }
    }
}
