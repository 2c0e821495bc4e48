package dev.edgevision.device.update;

import dev.edgevision.core.detect.ModelIdentity;
import dev.edgevision.core.trust.AcceptedSequences;
import dev.edgevision.core.trust.BundleRefusedException;
import dev.edgevision.core.trust.BundleVerifier;
import dev.edgevision.core.trust.CheckedBundle;
import dev.edgevision.core.trust.Compatibility;
import dev.edgevision.core.trust.TrustStore;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The check of a device with a trust store: {@link BundleVerifier} (archive, signature, key,
 * hashes, compatibility, sequence), against the sequences of jobs that succeeded, which it keeps in
 * the model store ({@value #ACCEPTED}) and writes only when a job has succeeded. A refusal
 * rejects the job with the verifier's code.
 */
public final class TrustedBundleCheck implements BundleCheck {
    private static final Logger LOG = LoggerFactory.getLogger(TrustedBundleCheck.class);
    /** The file in the model store holding the highest accepted sequence per model name. */
    public static final String ACCEPTED = "accepted-sequences.json";

    private final BundleVerifier verifier;
    private final Path acceptedFile;

    /**
     * @param storeRoot the model store's folder ({@link UpdateEngine#storeDir})
     */
    public TrustedBundleCheck(TrustStore trust, Compatibility compatibility, boolean allowUnsigned, Path storeRoot) {
        this.verifier = new BundleVerifier(trust, compatibility, allowUnsigned);
        this.acceptedFile = storeRoot.resolve(ACCEPTED);
    }

    @Override
    public Verified verify(Path bundle, UpdateJob job) throws UpdateException {
        CheckedBundle checked;
        try {
            checked = verifier.verify(bundle, accepted(), job.allowDowngrade());
        } catch (BundleRefusedException e) {
            throw UpdateException.rejected(e.code(), e.getMessage());
        }
        ModelIdentity identity = new ModelIdentity(checked.manifest().name(), checked.manifest().version(),
                checked.sha256());
        String warning = null;
        if (!checked.signed()) {
            warning = "the bundle is unsigned and was taken only because update.allow_unsigned is true";
            LOG.warn("update: job {}: {} {}: {}", job.id(), identity.name(), identity.version(), warning);
        }
        return new Verified(identity, checked.sequence(), warning);
    }

    /** Verifies the bundle the service is to start with: as a job, but its sequence may be any already accepted. */
    public CheckedBundle verifyServing(Path bundle) throws BundleRefusedException, IOException {
        return verifier.verify(bundle, AcceptedSequences.read(acceptedFile), true);
    }

    @Override
    public synchronized void succeeded(Verified verified) throws IOException {
        if (verified.sequence() == 0 && verified.warning() != null) {
            return;
        }
        AcceptedSequences.read(acceptedFile).with(verified.identity().name(), verified.sequence()).write(acceptedFile);
    }

    private AcceptedSequences accepted() throws UpdateException {
        try {
            return AcceptedSequences.read(acceptedFile);
        } catch (IOException e) {
            throw UpdateException.failed("device_error", e.getMessage());
        }
    }
}
