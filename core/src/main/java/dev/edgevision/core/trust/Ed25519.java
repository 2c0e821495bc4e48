package dev.edgevision.core.trust;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.regex.Pattern;

/** The JDK's Ed25519, and the key id rule; the one place the algorithm is named. */
final class Ed25519 {
    static final String ALGORITHM = "Ed25519";
    static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private Ed25519() {
    }

    static PublicKey publicKey(byte[] x509) throws InvalidKeySpecException {
        return factory().generatePublic(new X509EncodedKeySpec(x509));
    }

    static PrivateKey privateKey(byte[] pkcs8) throws InvalidKeySpecException {
        return factory().generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    static byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(key);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed: " + e.getMessage(), e);
        }
    }

    /** Whether {@code signature} is {@code key}'s over {@code data}; a malformed signature is false. */
    static boolean verify(PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(data);
            return s.verify(signature);
        } catch (SignatureException | InvalidKeyException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no Ed25519: " + e.getMessage(), e);
        }
    }

    private static KeyFactory factory() {
        try {
            return KeyFactory.getInstance(ALGORITHM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no Ed25519 (Java 15 or later has it)", e);
        }
    }
}
