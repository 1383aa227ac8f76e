package io.github.dvcmaven.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dvcmaven.core.api.HttpProxy;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.Test;

class SettingsProxiesTest {
    private static Proxy proxy(String id, String protocol, String host, boolean active) {
        Proxy p = new Proxy();
        p.setId(id);
        p.setProtocol(protocol);
        p.setHost(host);
        p.setPort(3128);
        p.setActive(active);
        p.setUsername("u");
        p.setPassword("pw-" + id);
        p.setNonProxyHosts("localhost|*.internal");
        return p;
    }

    @Test
    void theActiveSettingsProxyServesBothSchemesUnlessProxySystemPropertiesAreSet() {
        Settings settings = new Settings();
        settings.addProxy(proxy("off", "http", "unused.example.com", false));
        settings.addProxy(proxy("corp", "http", "proxy.example.com", true));
        Map<String, HttpProxy> chosen = SettingsProxies.choose(settings, null, new Properties());
        assertThat(chosen.get("http").host()).isEqualTo("proxy.example.com");
        assertThat(chosen.get("https")).isEqualTo(chosen.get("http"));
        assertThat(chosen.get("https").nonProxyHosts()).containsExactly("localhost", "*.internal");
        assertThat(chosen.get("https").bypasses("store.internal")).isTrue();
        assertThat(chosen.get("https").bypasses("s3.amazonaws.com")).isFalse();

        Properties system = new Properties();
        system.setProperty("https.proxyHost", "cli.example.com");
        system.setProperty("https.proxyPort", "8443");
        Map<String, HttpProxy> fromCli = SettingsProxies.choose(settings, null, system);
        assertThat(fromCli).containsOnlyKeys("https");
        assertThat(fromCli.get("https").host()).isEqualTo("cli.example.com");
        assertThat(fromCli.get("https").port()).isEqualTo(8443);
    }
}
