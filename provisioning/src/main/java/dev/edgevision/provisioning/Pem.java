package dev.edgevision.provisioning;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Set;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * PEM files: certificates and requests (0644) and private keys (PKCS#8, 0600, written to a
 * private temporary file first and moved into place, so a key is never readable by others, even
 * for a moment). A file that is not what it should be is named in the error with what to do.
 */
final class Pem {
    static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> PUBLIC = PosixFilePermissions.fromString("rw-r--r--");

    private Pem() {
    }

    static String encode(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }

    static void writeCertificate(Path file, X509Certificate... chain) throws IOException {
        StringBuilder text = new StringBuilder();
        for (X509Certificate c : chain) {
            text.append(encode(c));
        }
        write(file, text.toString(), PUBLIC);
    }

    static void writeRequest(Path file, PKCS10CertificationRequest request) throws IOException {
        write(file, encode(request), PUBLIC);
    }

    /** Writes {@code key} as PKCS#8 PEM, readable by the owner only. */
    static void writeKey(Path file, PrivateKey key) throws IOException {
        write(file, encode(new JcaPKCS8Generator(key, null).generate()), PRIVATE);
    }

    static void write(Path file, String text, Set<PosixFilePermission> mode) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp",
                PosixFilePermissions.asFileAttribute(PRIVATE));
        try {
            Files.writeString(tmp, text, StandardCharsets.US_ASCII);
            Files.setPosixFilePermissions(tmp, mode);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Object readObject(Path file, String what) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ProvisionException(what + " " + file + " does not exist");
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(reader)) {
            Object object = parser.readObject();
            if (object == null) {
                throw new ProvisionException(what + " " + file + " holds no PEM object");
            }
            return object;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProvisionException p) {
                throw p;
            }
            throw new ProvisionException(what + " " + file + " is not a readable PEM file: " + e.getMessage());
        }
    }

    static X509Certificate readCertificate(Path file, String what) throws IOException {
        Object object = readObject(file, what);
        if (!(object instanceof X509CertificateHolder holder)) {
            throw new ProvisionException(what + " " + file + " is not a certificate (found "
                    + object.getClass().getSimpleName() + ")");
        }
        try {
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (CertificateException e) {
            throw new ProvisionException(what + " " + file + ": " + e.getMessage());
        }
    }

    static PrivateKey readKey(Path file, String what) throws IOException {
        Object object = readObject(file, what);
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        if (object instanceof PrivateKeyInfo info) {
            return converter.getPrivateKey(info);
        }
        if (object instanceof PEMKeyPair pair) {
            return converter.getKeyPair(pair).getPrivate();
        }
        throw new ProvisionException(what + " " + file + " is not an unencrypted private key (found "
                + object.getClass().getSimpleName() + "); decrypt it first, e.g. openssl pkey -in KEY -out PLAIN");
    }

    static PKCS10CertificationRequest readRequest(Path file, String what) throws IOException {
        Object object = readObject(file, what);
        if (!(object instanceof PKCS10CertificationRequest request)) {
            throw new ProvisionException(what + " " + file + " is not a certificate request (found "
                    + object.getClass().getSimpleName() + ")");
        }
        return request;
    }
}
