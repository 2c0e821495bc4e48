package dev.edgevision.provisioning;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

/**
 * The fleet's certificate authority, kept in one folder on the workstation: {@code ca.key} (0600)
 * and {@code ca.crt}, plus {@code issued.txt}, one line per certificate issued (serial, subject,
 * expiry). It issues the broker's server certificate and each device's client certificate (CN =
 * device id, which the broker uses as the MQTT user name for its ACLs). Keys are EC P-256, signed
 * with ECDSA-SHA256.
 */
public final class FleetCa {
    /** Device ids as the device configuration accepts them. */
    public static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    static final String KEY = "ca.key";
    static final String CERT = "ca.crt";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Reads the keys of requests by their algorithm OIDs (not registered with the JVM). */
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private final Path dir;
    private final X509Certificate certificate;
    private final PrivateKey key;

    private FleetCa(Path dir, X509Certificate certificate, PrivateKey key) {
        this.dir = dir;
        this.certificate = certificate;
        this.key = key;
    }

    /** Creates a new CA in {@code dir}, which must not hold one yet. */
    public static FleetCa create(Path dir, String name, Duration validity) throws IOException {
        if (Files.exists(dir.resolve(KEY)) || Files.exists(dir.resolve(CERT))) {
            throw new ProvisionException("fleet folder " + dir + " already holds a CA (" + KEY + ", " + CERT
                    + "); use it as it is, or choose another folder");
        }
        KeyPair pair = newKeyPair();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "edgevision")
                .addRDN(BCStyle.CN, name).build();
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(),
                    Date.from(Instant.now().minus(Duration.ofHours(1))), Date.from(Instant.now().plus(validity)), subject,
                    pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()));
            X509Certificate cert = convert(builder, pair.getPrivate());
            Pem.writeKey(dir.resolve(KEY), pair.getPrivate());
            Pem.writeCertificate(dir.resolve(CERT), cert);
            FleetCa ca = new FleetCa(dir, cert, pair.getPrivate());
            ca.log(cert);
            return ca;
        } catch (GeneralSecurityException | CertIOException e) {
            throw new ProvisionException("cannot create the CA: " + e.getMessage());
        }
    }

    /** The CA of an existing fleet folder. */
    public static FleetCa load(Path dir) throws IOException {
        if (!Files.exists(dir.resolve(CERT))) {
            throw new ProvisionException("no fleet CA in " + dir + ": create one with 'provision ca create --fleet " + dir
                    + "' or adopt yours with 'provision ca use --fleet " + dir + " --cert CA.crt --key CA.key'");
        }
        X509Certificate cert = Pem.readCertificate(dir.resolve(CERT), "fleet CA certificate");
        PrivateKey key = Pem.readKey(dir.resolve(KEY), "fleet CA key");
        check(cert, key, dir.resolve(CERT).toString());
        return new FleetCa(dir, cert, key);
    }

    /** Adopts an existing CA (certificate and unencrypted key) into {@code dir}, after checking they belong together. */
    public static FleetCa adopt(Path dir, Path certFile, Path keyFile) throws IOException {
        if (Files.exists(dir.resolve(KEY)) || Files.exists(dir.resolve(CERT))) {
            throw new ProvisionException("fleet folder " + dir + " already holds a CA; choose an empty folder");
        }
        X509Certificate cert = Pem.readCertificate(certFile, "CA certificate");
        PrivateKey key = Pem.readKey(keyFile, "CA key");
        check(cert, key, certFile.toString());
        Pem.writeKey(dir.resolve(KEY), key);
        Pem.writeCertificate(dir.resolve(CERT), cert);
        return new FleetCa(dir, cert, key);
    }

    private static void check(X509Certificate cert, PrivateKey key, String where) throws ProvisionException {
        if (cert.getBasicConstraints() < 0) {
            throw new ProvisionException(where + " is not a CA certificate (no basicConstraints CA:true)");
        }
        try {
            byte[] probe = "edgevision".getBytes(StandardCharsets.US_ASCII);
            String algorithm = key.getAlgorithm().startsWith("EC") ? "SHA256withECDSA" : "SHA256withRSA";
            Signature s = Signature.getInstance(algorithm);
            s.initSign(key);
            s.update(probe);
            byte[] signature = s.sign();
            Signature v = Signature.getInstance(algorithm);
            v.initVerify(cert.getPublicKey());
            v.update(probe);
            if (!v.verify(signature)) {
                throw new ProvisionException("the CA key does not belong to " + where);
            }
        } catch (GeneralSecurityException e) {
            throw new ProvisionException("the CA key does not belong to " + where + ": " + e.getMessage());
        }
        if (cert.getNotAfter().before(new Date())) {
            throw new ProvisionException(where + " expired on " + cert.getNotAfter().toInstant());
        }
    }

    static KeyPair newKeyPair() throws ProvisionException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new ProvisionException("cannot make an EC P-256 key: " + e.getMessage());
        }
    }

    /**
     * The broker's server certificate for {@code publicKey}, valid for the given host names and
     * IP addresses (a client checks the one it connects to).
     */
    public X509Certificate issueBroker(PublicKey publicKey, List<String> hosts, Duration validity) throws IOException {
        if (hosts.isEmpty()) {
            throw new ProvisionException("the broker certificate needs at least one --host (a name or IP address"
                    + " the devices connect to)");
        }
        List<GeneralName> names = new ArrayList<>();
        for (String host : hosts) {
            boolean ip = host.matches("[0-9.]+") || host.contains(":");
            if (ip) {
                InetAddress.getByName(host); // checks the literal
            }
            names.add(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, host));
        }
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "edgevision")
                .addRDN(BCStyle.CN, hosts.get(0)).build();
        return issue(subject, publicKey, validity, KeyPurposeId.id_kp_serverAuth,
                new GeneralNames(names.toArray(new GeneralName[0])));
    }

    /** A device's client certificate: CN = {@code deviceId}. */
    public X509Certificate issueDevice(PublicKey publicKey, String deviceId, Duration validity) throws IOException {
        checkDeviceId(deviceId);
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "edgevision")
                .addRDN(BCStyle.CN, deviceId).build();
        return issue(subject, publicKey, validity, KeyPurposeId.id_kp_clientAuth, null);
    }

    /**
     * Signs a request a device made for itself (its key never left it): the request's signature
     * must verify, its CN must be a device id, and equal {@code expectedId} when that is given.
     */
    public X509Certificate signRequest(PKCS10CertificationRequest request, String expectedId, Duration validity)
            throws IOException {
        try {
            if (!request.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(BC)
                    .build(request.getSubjectPublicKeyInfo()))) {
                throw new ProvisionException("the certificate request's signature does not verify: it was not made"
                        + " with the key it carries; make it again on the device");
            }
        } catch (OperatorCreationException | PKCSException e) {
            throw new ProvisionException("cannot check the certificate request's signature: " + e.getMessage());
        }
        String id = commonName(request.getSubject());
        if (id == null) {
            throw new ProvisionException("the certificate request has no CN; the device puts its id there");
        }
        if (expectedId != null && !expectedId.equals(id)) {
            throw new ProvisionException("the certificate request is for '" + id + "', not the expected device '"
                    + expectedId + "'");
        }
        try {
            PublicKey key = new JcaPKCS10CertificationRequest(request).setProvider(BC).getPublicKey();
            return issueDevice(key, id, validity);
        } catch (GeneralSecurityException e) {
            throw new ProvisionException("the certificate request's key cannot be read: " + e.getMessage());
        }
    }

    static String commonName(X500Name name) {
        RDN[] cn = name.getRDNs(BCStyle.CN);
        return cn.length == 0 ? null : IETFUtils.valueToString(cn[0].getFirst().getValue());
    }

    static void checkDeviceId(String deviceId) throws ProvisionException {
        if (deviceId == null || !DEVICE_ID.matcher(deviceId).matches()) {
            throw new ProvisionException("device id '" + deviceId + "' must be 1-64 letters, digits, '_', '.' or '-'"
                    + " (it is a topic level and the broker's user name)");
        }
    }

    private X509Certificate issue(X500Name subject, PublicKey publicKey, Duration validity, KeyPurposeId purpose,
            GeneralNames altNames) throws IOException {
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            Instant notAfter = Instant.now().plus(validity);
            if (notAfter.isAfter(certificate.getNotAfter().toInstant())) {
                notAfter = certificate.getNotAfter().toInstant();
            }
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, serial(),
                    Date.from(Instant.now().minus(Duration.ofHours(1))), Date.from(notAfter), subject, publicKey);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature
                    | KeyUsage.keyAgreement | KeyUsage.keyEncipherment));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            builder.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(certificate));
            builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(publicKey));
            if (altNames != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, altNames);
            }
            X509Certificate cert = convert(builder, key);
            log(cert);
            return cert;
        } catch (GeneralSecurityException | CertIOException e) {
            throw new ProvisionException("cannot issue a certificate for " + subject + ": " + e.getMessage());
        }
    }

    private static X509Certificate convert(X509v3CertificateBuilder builder, PrivateKey signingKey)
            throws GeneralSecurityException {
        try {
            String algorithm = signingKey.getAlgorithm().startsWith("EC") ? "SHA256withECDSA" : "SHA256withRSA";
            ContentSigner signer = new JcaContentSignerBuilder(algorithm).build(signingKey);
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e.getMessage(), e);
        }
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }

    private void log(X509Certificate cert) throws IOException {
        String line = cert.getSerialNumber().toString(16) + " " + cert.getSubjectX500Principal().getName() + " until "
                + cert.getNotAfter().toInstant() + "\n";
        Files.writeString(dir.resolve("issued.txt"), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The fleet folder. */
    public Path dir() {
        return dir;
    }
}
