package io.github.dvcmaven.plugin;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.HttpProxy;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * The proxies the remotes' clients use, per URL scheme: the JVM's proxy system properties when the user
 * set them ({@code -Dhttps.proxyHost=…}), else the active {@code <proxy>} entries of settings.xml (their
 * passwords decrypted), as Jib's MavenSettingsProxyProvider chooses; never a JVM-wide change.
 */
final class SettingsProxies {
    private SettingsProxies() {}

    static Map<String, HttpProxy> choose(Settings settings, SettingsDecrypter decrypter, Properties system) {
        Map<String, HttpProxy> out = new LinkedHashMap<>();
        for (String scheme : List.of("http", "https")) {
            String host = system.getProperty(scheme + ".proxyHost");
            if (host != null && !host.isBlank()) {
                out.put(
                        scheme,
                        new HttpProxy(
                                host,
                                port(system.getProperty(scheme + ".proxyPort"), scheme.equals("https") ? 443 : 80),
                                system.getProperty(scheme + ".proxyUser"),
                                system.getProperty(scheme + ".proxyPassword"),
                                split(system.getProperty("http.nonProxyHosts"))));
            }
        }
        if (!out.isEmpty() || settings == null) {
            return out;
        }
        for (Proxy p : settings.getProxies()) {
            if (!p.isActive()) {
                continue;
            }
            Proxy proxy = decrypter == null ? p : decrypt(p, decrypter);
            String scheme =
                    proxy.getProtocol() == null ? "http" : proxy.getProtocol().toLowerCase(Locale.ROOT);
            HttpProxy value = new HttpProxy(
                    proxy.getHost(),
                    proxy.getPort(),
                    proxy.getUsername(),
                    proxy.getPassword(),
                    split(proxy.getNonProxyHosts()));
            out.putIfAbsent(scheme, value);
        }
        // a proxy given for http only serves https endpoints too, as Maven's own transport uses it
        if (out.containsKey("http")) {
            out.putIfAbsent("https", out.get("http"));
        }
        return out;
    }

    private static Proxy decrypt(Proxy proxy, SettingsDecrypter decrypter) {
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(proxy));
        if (!result.getProblems().isEmpty()) {
            throw new DvcException(
                    "cannot decrypt the password of proxy '" + proxy.getId() + "' in settings.xml: "
                            + result.getProblems().get(0).getMessage(),
                    "check ~/.m2/settings-security.xml (mvn --encrypt-master-password)");
        }
        return result.getProxy() != null ? result.getProxy() : proxy;
    }

    private static int port(String value, int def) {
        try {
            return value == null || value.isBlank() ? def : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new DvcException("proxy port '" + value + "' is not a number", "fix -Dhttp(s).proxyPort", e);
        }
    }

    private static List<String> split(String hosts) {
        return hosts == null || hosts.isBlank()
                ? List.of()
                : Arrays.stream(hosts.split("[|,]"))
                        .map(String::trim)
                        .filter(h -> !h.isEmpty())
                        .toList();
    }
}
