package dev.edgevision.device.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sockets for {@code ssl://} brokers: trusting the CA certificates of one PEM file (the way a
 * provisioned device trusts its own fleet's CA rather than the JVM's list) and presenting the
 * device's own certificate and key when given ({@code mqtt.tls.cert}/{@code key}: mutual TLS, as
 * a broker with {@code require_certificate true} asks). Keys are PKCS#8 PEM
 * ({@code -----BEGIN PRIVATE KEY-----}, EC or RSA), as {@code provision} and {@code openssl genpkey}
 * write them; the key is never logged.
 */
final class BrokerTls {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerTls.class);
    private static final Pattern PEM_KEY = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

    private BrokerTls() {
    }

    /** A socket factory trusting exactly the certificates in {@code caFile}. */
    static SSLSocketFactory trusting(Path caFile) throws IOException {
        return forBroker(caFile, null, null);
    }

    /**
     * A socket factory trusting {@code caFile} (null: the JVM's CAs) and presenting {@code certFile}
     * with {@code keyFile} (both null: no client certificate).
     */
    static SSLSocketFactory forBroker(Path caFile, Path certFile, Path keyFile) throws IOException {
        return forBroker(caFile, certFile, keyFile, java.util.List.of());
    }

    /**
     * As {@link #forBroker(Path, Path, Path)}, and when {@code pins} is not empty the broker's
     * certificate must, besides being trusted, carry a public key whose pin is one of them.
     */
    static SSLSocketFactory forBroker(Path caFile, Path certFile, Path keyFile, java.util.List<String> pins)
            throws IOException {
        try {
            TrustManager[] trust = caFile == null ? null : trustManagers(caFile);
            if (pins != null && !pins.isEmpty()) {
                trust = pinned(trust, pins);
            }
            KeyManager[] keys = certFile == null ? null : keyManagers(certFile, keyFile);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust, null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IOException("mqtt.tls: cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static TrustManager[] pinned(TrustManager[] trust, java.util.List<String> pins)
            throws GeneralSecurityException {
        TrustManager[] base = trust;
        if (base == null) {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            base = factory.getTrustManagers();
        }
        javax.net.ssl.X509TrustManager delegate = null;
        for (TrustManager t : base) {
            if (t instanceof javax.net.ssl.X509TrustManager x) {
                delegate = x;
            }
        }
        if (delegate == null) {
            throw new GeneralSecurityException("no X.509 trust manager to pin the broker's key with");
        }
        javax.net.ssl.X509TrustManager checked = delegate;
        java.util.Set<String> allowed = java.util.Set.copyOf(pins);
        return new TrustManager[] {new javax.net.ssl.X509TrustManager() {
            @Override
            public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType)
                    throws java.security.cert.CertificateException {
                checked.checkClientTrusted(chain, authType);
            }

            @Override
            public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType)
                    throws java.security.cert.CertificateException {
                checked.checkServerTrusted(chain, authType);
                String pin = dev.edgevision.device.config.PublicKeyPin.of(chain[0].getPublicKey());
                if (!allowed.contains(pin)) {
                    throw new java.security.cert.CertificateException("the broker's public key (pin " + pin
                            + ") is not one of mqtt.tls.pin_sha256");
                }
            }

            @Override
            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                return checked.getAcceptedIssuers();
            }
        }};
    }

    private static TrustManager[] trustManagers(Path caFile) throws IOException, GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        int n = 0;
        try (InputStream in = Files.newInputStream(caFile)) {
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("ca-" + n++, certificate);
            }
        } catch (java.security.cert.CertificateException e) {
            throw new IOException("mqtt.tls.ca " + caFile + " is not a usable PEM certificate file: " + e.getMessage(), e);
        }
        if (n == 0) {
            throw new IOException("mqtt.tls.ca " + caFile + " holds no certificate; give a PEM file of the broker's CA");
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        return factory.getTrustManagers();
    }

    private static KeyManager[] keyManagers(Path certFile, Path keyFile) throws IOException, GeneralSecurityException {
        Collection<? extends Certificate> chain;
        try (InputStream in = Files.newInputStream(certFile)) {
            chain = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (java.security.cert.CertificateException e) {
            throw new IOException("mqtt.tls.cert " + certFile + " is not a PEM certificate: " + e.getMessage(), e);
        }
        if (chain.isEmpty()) {
            throw new IOException("mqtt.tls.cert " + certFile + " holds no certificate; give the device's PEM certificate");
        }
        warnIfOthersCanRead(keyFile);
        PrivateKey key = privateKey(keyFile);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] none = new char[0];
        store.setKeyEntry("device", key, none, chain.toArray(new Certificate[0]));
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, none);
        return factory.getKeyManagers();
    }

    /** The PKCS#8 key of {@code keyFile}, EC or RSA. */
    static PrivateKey privateKey(Path keyFile) throws IOException {
        String text = Files.readString(keyFile, StandardCharsets.US_ASCII);
        Matcher m = PEM_KEY.matcher(text);
        if (!m.find()) {
            throw new IOException("mqtt.tls.key " + keyFile + " is not a PKCS#8 PEM key (-----BEGIN PRIVATE KEY-----);"
                    + " convert it with: openssl pkcs8 -topk8 -nocrypt -in OLD -out " + keyFile);
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(m.group(1));
        } catch (IllegalArgumentException e) {
            throw new IOException("mqtt.tls.key " + keyFile + ": the PEM body is not base64");
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : new String[] {"EC", "RSA", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException e) {
                // try the next algorithm
            }
        }
        throw new IOException("mqtt.tls.key " + keyFile + " is neither an EC nor an RSA PKCS#8 key");
    }

    private static void warnIfOthersCanRead(Path keyFile) {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(keyFile);
            if (p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ)) {
                LOG.warn("mqtt.tls.key {} can be read by other users; make it private: chmod 600 {}", keyFile, keyFile);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // not a POSIX file system: nothing to check
        }
    }
}
