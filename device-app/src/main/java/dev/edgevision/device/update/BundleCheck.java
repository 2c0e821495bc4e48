package dev.edgevision.device.update;

import dev.edgevision.core.detect.ModelIdentity;
import java.io.IOException;
import java.nio.file.Path;

/** Decides whether a downloaded bundle may be installed: hashes, signature, key, sequence, compatibility. */
@FunctionalInterface
public interface BundleCheck {
    /**
     * What a bundle that passed is.
     *
     * @param identity the model's name, version and bundle hash
     * @param sequence the bundle's sequence (0 when it has none)
     * @param warning what a person should know about a bundle that was let through anyway (e.g. unsigned), or null
     */
    record Verified(ModelIdentity identity, long sequence, String warning) {
        public Verified(ModelIdentity identity, long sequence) {
            this(identity, sequence, null);
        }
    }

    /**
     * @throws UpdateException rejected, with the reason, when the bundle may not be installed
     */
    Verified verify(Path bundle, UpdateJob job) throws UpdateException;

    /** Called once the job that installed {@code verified} has succeeded; a check that counts sequences records it. */
    default void succeeded(Verified verified) throws IOException {
    }
}
