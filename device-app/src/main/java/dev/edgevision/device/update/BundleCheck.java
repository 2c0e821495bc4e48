package dev.edgevision.device.update;

import dev.edgevision.core.detect.ModelIdentity;
import java.nio.file.Path;

/** Decides whether a downloaded bundle may be installed: hashes, signature, key, sequence, compatibility. */
@FunctionalInterface
public interface BundleCheck {
    /** What a bundle that passed is. */
    record Verified(ModelIdentity identity, long sequence) {
    }

    /**
     * @throws UpdateException rejected, with the reason, when the bundle may not be installed
     */
    Verified verify(Path bundle, UpdateJob job) throws UpdateException;
}
