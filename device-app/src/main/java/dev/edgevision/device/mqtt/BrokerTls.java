package dev.edgevision.device.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Sockets for {@code ssl://} brokers that trust the CA certificates of one PEM file, the way a
 * provisioned device trusts its own fleet's CA rather than the JVM's list. Client certificates
 * ({@code mqtt.tls.cert}/{@code key}) come with provisioning.
 */
final class BrokerTls {
    private BrokerTls() {
    }

    /** A socket factory trusting exactly the certificates in {@code caFile}. */
    static SSLSocketFactory trusting(Path caFile) throws IOException {
        try (InputStream in = Files.newInputStream(caFile)) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int n = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("ca-" + n++, certificate);
            }
            if (n == 0) {
                throw new IOException("mqtt.tls.ca " + caFile + " holds no certificate; give a PEM file of the broker's CA");
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IOException("mqtt.tls.ca " + caFile + " is not a usable PEM certificate file: " + e.getMessage(), e);
        }
    }
}
