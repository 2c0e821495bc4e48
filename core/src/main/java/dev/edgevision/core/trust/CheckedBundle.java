package dev.edgevision.core.trust;

import dev.edgevision.core.model.ModelManifest;
import java.nio.file.Path;

/**
 * A bundle that passed {@link BundleVerifier}.
 *
 * @param path where it was read from
 * @param manifest its manifest, as signed
 * @param sha256 SHA-256 of the manifest's bytes: the bundle's identity (as {@code ModelBundle.sha256()})
 * @param signedBy the key id that signed it, or null for an unsigned bundle accepted by policy
 */
public record CheckedBundle(Path path, ModelManifest manifest, String sha256, String signedBy) {
    /** The manifest's sequence, or 0 when it has none (unsigned bundles made before signing existed). */
    public long sequence() {
        return manifest.sequence() == null ? 0 : manifest.sequence();
    }

    /** Whether the bundle carries a signature by a trusted key. */
    public boolean signed() {
        return signedBy != null;
    }
}
