package dev.edgevision.core.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The detached signature a bundle carries as {@code manifest.sig}: JSON with the signing key's id,
 * the algorithm ({@code Ed25519}) and the base64 signature over {@code manifest.json}'s exact bytes.
 *
 * @param keyId the trust-store id of the key that signed
 * @param algorithm {@code Ed25519}
 * @param signature the raw signature bytes
 */
public record BundleSignature(String keyId, String algorithm, byte[] signature) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The content of {@code manifest.sig}. */
    public byte[] toBytes() {
        ObjectNode node = JSON.createObjectNode();
        node.put("format", 1);
        node.put("algorithm", algorithm);
        node.put("key_id", keyId);
        node.put("signature", Base64.getEncoder().encodeToString(signature));
        return (node.toPrettyString() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Reads {@code manifest.sig}; the message says what is missing. */
    public static BundleSignature parse(byte[] bytes) throws IOException {
        JsonNode node;
        try {
            node = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IOException("manifest.sig is not JSON");
        }
        if (node == null || !node.isObject() || !node.path("key_id").isTextual() || !node.path("algorithm").isTextual()
                || !node.path("signature").isTextual()) {
            throw new IOException("manifest.sig needs key_id, algorithm and signature");
        }
        try {
            return new BundleSignature(node.get("key_id").asText(), node.get("algorithm").asText(),
                    Base64.getDecoder().decode(node.get("signature").asText()));
        } catch (IllegalArgumentException e) {
            throw new IOException("manifest.sig's signature is not base64");
        }
    }
}
