package dev.edgevision.core.trust;

import java.security.PublicKey;
import java.util.Base64;

/**
 * One public key of a trust store.
 *
 * @param keyId the id signatures name it by
 * @param revoked whether bundles it signed are refused
 * @param publicKey the Ed25519 public key
 */
public record TrustedKey(String keyId, boolean revoked, PublicKey publicKey) {
    /** The key as a trust-store line: {@code KEYID trusted|revoked BASE64}. */
    public String line() {
        return keyId + (revoked ? " revoked " : " trusted ") + Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }
}
