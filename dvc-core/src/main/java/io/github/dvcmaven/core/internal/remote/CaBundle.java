package io.github.dvcmaven.core.internal.remote;

import io.github.dvcmaven.core.api.DvcException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.TrustManagerFactory;
import software.amazon.awssdk.http.TlsTrustManagersProvider;

/**
 * {@code ssl_verify = /path/to/ca-bundle.pem}: the server's certificate must chain to one of the PEM
 * certificates in the file (and only those, as botocore's {@code verify=path} means).
 */
final class CaBundle {
    private CaBundle() {}

    static TlsTrustManagersProvider trustManagers(String remote, Path bundle) {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(bundle)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException | GeneralSecurityException e) {
            throw new DvcException(
                    "remote '" + remote + "': ssl_verify names " + bundle
                            + ", which is not a readable PEM certificate bundle (" + e.getMessage() + ")",
                    "set ssl_verify to true, false or the path of a CA bundle",
                    e);
        }
        if (certificates.isEmpty()) {
            throw new DvcException("remote '" + remote + "': the CA bundle " + bundle + " holds no certificate");
        }
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate c : certificates) {
                store.setCertificateEntry("ca-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            return tmf::getTrustManagers;
        } catch (IOException | GeneralSecurityException e) {
            throw new DvcException(
                    "remote '" + remote + "': cannot use the CA bundle " + bundle + ": " + e.getMessage(), null, e);
        }
    }
}
