package dev.edgevision.core.trust;

import dev.edgevision.core.model.BundleException;
import dev.edgevision.core.model.BundleWriter;
import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.core.model.ModelManifest;
import dev.edgevision.core.model.Requirements;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Signs a bundle: opens it (every file checked against the manifest), sets the manifest's sequence
 * (and requirements, when given), and writes the bundle again with {@code manifest.sig}, the
 * signing key's Ed25519 signature over the new manifest's exact bytes. The old signature, if any,
 * is dropped. Writing is atomic, so signing in place is safe.
 */
public final class BundleSigner {
    private BundleSigner() {
    }

    /**
     * Signs {@code source} into {@code target} (which may be the same file) with {@code sequence};
     * {@code requires} replaces the manifest's requirements unless null. Returns the signed manifest.
     */
    public static ModelManifest sign(Path source, Path target, SigningKey key, long sequence, Requirements requires)
            throws BundleException, IOException {
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must be 0 or more, got " + sequence);
        }
        ModelBundle bundle = ModelBundle.open(source);
        ModelManifest manifest = bundle.manifest().withSequence(sequence);
        if (requires != null) {
            manifest = manifest.withRequires(requires);
        }
        BundleWriter writer = new BundleWriter(manifest);
        for (String name : bundle.manifest().files().keySet()) {
            writer.add(name, bundle.file(name));
        }
        return writer.write(target, manifestBytes -> key.sign(manifestBytes).toBytes());
    }
}
