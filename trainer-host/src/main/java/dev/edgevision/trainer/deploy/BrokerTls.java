package dev.edgevision.trainer.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS context for an {@code ssl://} broker, from PEM files as a device's {@code mqtt.tls}
 * slice names them: the CA certificates to trust (else the JVM's), and optionally a client
 * certificate with its PKCS#8 private key (EC or RSA) for brokers that require one.
 */
final class BrokerTls {
    private static final Pattern KEY = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

    private BrokerTls() {
    }

    static SSLContext context(BrokerOptions options) throws IOException {
        try {
            TrustManager[] trust = options.tlsCa() == null ? null : trust(options.tlsCa());
            KeyManager[] keys = options.tlsCert() == null ? null : keys(options.tlsCert(), options.tlsKey());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("the TLS files cannot be used (" + e.getMessage() + "): check --tls-ca, --tls-cert"
                    + " and --tls-key", e);
        }
    }

    private static TrustManager[] trust(Path caFile) throws IOException, GeneralSecurityException {
        List<Certificate> certificates = certificates("--tls-ca", caFile);
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        for (int i = 0; i < certificates.size(); i++) {
            store.setCertificateEntry("ca-" + i, certificates.get(i));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    private static KeyManager[] keys(Path certFile, Path keyFile) throws IOException, GeneralSecurityException {
        List<Certificate> chain = certificates("--tls-cert", certFile);
        PrivateKey key = privateKey(keyFile);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] none = new char[0];
        store.setKeyEntry("client", key, none, chain.toArray(Certificate[]::new));
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, none);
        return factory.getKeyManagers();
    }

    private static List<Certificate> certificates(String option, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            List<Certificate> found = List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
            if (found.isEmpty()) {
                throw new IOException(option + " " + file + " holds no certificate; give a PEM certificate file");
            }
            return found;
        } catch (GeneralSecurityException e) {
            throw new IOException(option + " " + file + " is not a PEM certificate file: " + e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(Path file) throws IOException {
        Matcher m = KEY.matcher(Files.readString(file, StandardCharsets.US_ASCII));
        if (!m.find()) {
            throw new IOException("--tls-key " + file + " is not a PKCS#8 PEM key (-----BEGIN PRIVATE KEY-----);"
                    + " convert it with openssl pkcs8 -topk8 -nocrypt");
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(m.group(1)));
        for (String algorithm : new String[] {"EC", "RSA", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException notThisOne) {
                // try the next algorithm
            }
        }
        throw new IOException("--tls-key " + file + " is neither an EC nor an RSA key");
    }
}
