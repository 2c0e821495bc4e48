package dev.edgevision.device.config;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;

/**
 * A public-key pin as HTTP's key pinning wrote them: the base64 of the SHA-256 of the key's DER
 * SubjectPublicKeyInfo. The same figure {@code openssl ... | openssl dgst -sha256 -binary | base64} prints.
 */
public final class PublicKeyPin {
    private PublicKeyPin() {
    }

    /** The pin of {@code key}. */
    public static String of(PublicKey key) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    /** Whether {@code text} has the form of a pin (base64 of 32 bytes). */
    public static boolean isPin(String text) {
        if (text == null || text.length() != 44) {
            return false;
        }
        try {
            return Base64.getDecoder().decode(text).length == 32;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
