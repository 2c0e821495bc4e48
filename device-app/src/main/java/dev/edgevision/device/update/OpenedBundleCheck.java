package dev.edgevision.device.update;

import dev.edgevision.core.detect.ModelIdentity;
import dev.edgevision.core.trust.AcceptedSequences;
import dev.edgevision.core.trust.BundleRefusedException;
import dev.edgevision.core.trust.BundleVerifier;
import dev.edgevision.core.trust.CheckedBundle;
import dev.edgevision.core.trust.Compatibility;
import java.nio.file.Path;

/**
 * The check of a device without a trust store: every check of {@link BundleVerifier} but the
 * signature and sequence (safe entries, nothing inflating past its declared size, manifest valid,
 * every file listed and matching its sha256, a bundle this device can serve). A refusal rejects
 * the job with the verifier's code.
 */
public final class OpenedBundleCheck implements BundleCheck {
    private final BundleVerifier verifier;

    /** Checks against {@code compatibility}. */
    public OpenedBundleCheck(Compatibility compatibility) {
        this.verifier = BundleVerifier.withoutSignatures(compatibility);
    }

    /** Checks against any app version and no TensorRT engine travelling in the bundle. */
    public OpenedBundleCheck() {
        this(Compatibility.of(null, null));
    }

    @Override
    public Verified verify(Path bundle, UpdateJob job) throws UpdateException {
        CheckedBundle checked;
        try {
            checked = verifier.verify(bundle, AcceptedSequences.none(), true);
        } catch (BundleRefusedException e) {
            throw UpdateException.rejected(e.code(), e.getMessage());
        }
        return new Verified(new ModelIdentity(checked.manifest().name(), checked.manifest().version(),
                checked.sha256()), checked.sequence());
    }
}
