package dev.edgevision.core.model;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Hex-encoded SHA-256 digests, the hash every bundle file and model identity uses. */
public final class Sha256 {
    private Sha256() {
    }

    /** Returns the lower-case hex SHA-256 of {@code data}. */
    public static String hex(byte[] data) {
        return HexFormat.of().formatHex(digest().digest(data));
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
