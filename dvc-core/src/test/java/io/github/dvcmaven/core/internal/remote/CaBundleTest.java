package io.github.dvcmaven.core.internal.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.dvcmaven.core.api.DvcException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ssl_verify = /path/ca.pem}: a server whose certificate that bundle signs is trusted, and only then. */
class CaBundleTest {
    @TempDir
    Path tmp;

    private void keytool(String... args) throws Exception {
        String[] cmd = new String[args.length + 1];
        cmd[0] = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    @Test
    void aPrivateCaBundleIsTrustedAndNothingElse() throws Exception {
        Path keystore = tmp.resolve("server.p12");
        Path pem = tmp.resolve("ca.pem");
        keytool(
                "-genkeypair",
                "-alias",
                "s3",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-validity",
                "2",
                "-keystore",
                keystore.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                "changeit");
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "s3",
                "-keystore",
                keystore.toString(),
                "-storepass",
                "changeit",
                "-file",
                pem.toString());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", ex -> {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        server.start();
        try {
            Map<String, Object> opts = new LinkedHashMap<>();
            opts.put("name", "tls");
            opts.put("url", "s3://bucket/p");
            opts.put("endpointurl", "https://127.0.0.1:" + server.getAddress().getPort());
            opts.put("access_key_id", "AKIAWIRETEST0000001");
            opts.put("secret_access_key", "wireTestSecretThatMustNotLeak00000001");
            opts.put("ssl_verify", pem.toString());
            try (Remote r = Remotes.open(opts, Map.of())) {
                assertThat(r.exists("files/md5/ab/cd"))
                        .as("trusted through the bundle")
                        .isFalse();
            }
            opts.remove("ssl_verify");
            try (Remote r = Remotes.open(opts, Map.of())) {
                assertThatThrownBy(() -> r.exists("files/md5/ab/cd"))
                        .as("not in the JDK's trust store")
                        .isInstanceOf(IOException.class);
            }
            opts.put(
                    "ssl_verify",
                    Files.writeString(tmp.resolve("not-a-bundle.pem"), "garbage")
                            .toString());
            assertThatThrownBy(() -> Remotes.open(opts, Map.of()))
                    .isInstanceOf(DvcException.class)
                    .hasMessageContaining("not-a-bundle.pem");
            // dvc's schema takes only true/false as a flag: "yes" is a path to botocore, and no file is there
            opts.put("ssl_verify", "yes");
            assertThatThrownBy(() -> Remotes.open(opts, Map.of()))
                    .isInstanceOf(DvcException.class)
                    .hasMessageContaining("ssl_verify names yes");
            opts.put("ssl_verify", "FALSE");
            try (Remote r = Remotes.open(opts, Map.of())) {
                assertThat(r.exists("files/md5/ab/cd")).as("verification off").isFalse();
            }
        } finally {
            server.stop(0);
        }
    }
}
