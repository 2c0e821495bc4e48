package dev.edgevision.core.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgevision.core.model.BundleException;
import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.core.model.ModelManifest;
import dev.edgevision.core.model.Sha256;
import dev.edgevision.core.model.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * Decides whether a bundle may be used: the archive is safe to read (no {@code ..}, absolute paths
 * or links; nothing inflates past its declared size), the manifest is signed by a key the trust
 * store holds and has not revoked, every file is listed and matches its sha256, the device can
 * serve it, and its sequence is above the highest accepted for its model name (unless a downgrade
 * is asked for). Every refusal is a {@link BundleRefusedException} with a stable {@link Refusal}
 * code. Verification does not read the clock: a device whose clock is wrong verifies the same.
 */
public final class BundleVerifier {
    /** Bundle files larger than this are refused before they are read. */
    public static final long MAX_BUNDLE_BYTES = 1L << 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TrustStore trust;
    private final Compatibility compatibility;
    private final boolean allowUnsigned;

    /**
     * @param trust the keys bundles may be signed with (see {@link #withoutSignatures} for none)
     * @param compatibility what this device can serve
     * @param allowUnsigned whether a bundle without a signature is accepted (a signature that is
     *     there must always verify)
     */
    public BundleVerifier(TrustStore trust, Compatibility compatibility, boolean allowUnsigned) {
        this.trust = trust;
        this.compatibility = compatibility;
        this.allowUnsigned = allowUnsigned;
    }

    /**
     * A verifier for a device without a trust store: everything but the signature is checked (a
     * signature that is there is not read, and no sequence is required).
     */
    public static BundleVerifier withoutSignatures(Compatibility compatibility) {
        return new BundleVerifier(null, compatibility, true);
    }

    /**
     * Verifies the bundle at {@code bundle} against {@code accepted}; {@code allowDowngrade} lets a
     * sequence at or below the highest accepted through (a deliberate rollback or reinstall).
     */
    public CheckedBundle verify(Path bundle, AcceptedSequences accepted, boolean allowDowngrade)
            throws BundleRefusedException {
        ArchiveCheck archive = new ArchiveCheck(bundle);
        checkFile(bundle, archive);
        archive.directory();
        byte[] manifestBytes = archive.readSmall(ModelBundle.MANIFEST, ArchiveCheck.MAX_MANIFEST_BYTES);
        byte[] signatureBytes = archive.readSmall(ModelBundle.SIGNATURE, ArchiveCheck.MAX_SIGNATURE_BYTES);
        String signedBy = signer(archive, manifestBytes, signatureBytes);
        ModelManifest manifest = manifest(archive, manifestBytes, signedBy != null);
        archive.listing(manifest);
        archive.contents(manifest, manifestBytes, signatureBytes);
        List<String> problems = compatibility.problems(manifest);
        if (!problems.isEmpty()) {
            throw archive.refuse(Refusal.INCOMPATIBLE, "cannot run on this device: " + String.join("; ", problems));
        }
        checkSequence(archive, manifest, accepted, allowDowngrade);
        return new CheckedBundle(bundle, manifest, Sha256.hex(manifestBytes), signedBy);
    }

    private static void checkFile(Path bundle, ArchiveCheck archive) throws BundleRefusedException {
        try {
            long size = Files.size(bundle);
            if (!Files.isRegularFile(bundle)) {
                throw archive.refuse(Refusal.UNREADABLE, "is not a file; give the path of a model bundle");
            }
            if (!Files.isReadable(bundle)) {
                throw archive.refuse(Refusal.UNREADABLE, "cannot be read (permission denied); check its owner and mode");
            }
            if (size > MAX_BUNDLE_BYTES) {
                throw archive.refuse(Refusal.TOO_LARGE, "is " + size + " bytes, larger than any model bundle may be ("
                        + MAX_BUNDLE_BYTES + ")");
            }
        } catch (NoSuchFileException e) {
            throw archive.refuse(Refusal.UNREADABLE, "no such file; check the path given as the model bundle");
        } catch (IOException e) {
            throw archive.refuse(Refusal.UNREADABLE, "cannot be read: " + e.getMessage());
        }
    }

    /** The key id that signed the manifest, or null for an unsigned bundle this verifier accepts. */
    private String signer(ArchiveCheck archive, byte[] manifest, byte[] signatureBytes) throws BundleRefusedException {
        if (trust == null) {
            return null;
        }
        if (signatureBytes == null) {
            if (allowUnsigned) {
                return null;
            }
            throw archive.refuse(Refusal.UNSIGNED, "has no signature (" + ModelBundle.SIGNATURE + ") and this device"
                    + " takes signed bundles only: sign it with 'trainer bundle sign --key KEY'");
        }
        BundleSignature signature;
        try {
            signature = BundleSignature.parse(signatureBytes);
        } catch (IOException e) {
            throw archive.refuse(Refusal.BAD_SIGNATURE, e.getMessage() + "; sign the bundle again");
        }
        if (!Ed25519.ALGORITHM.equals(signature.algorithm())) {
            throw archive.refuse(Refusal.BAD_SIGNATURE, "signature algorithm '" + signature.algorithm()
                    + "' is not " + Ed25519.ALGORITHM + ", the only one devices accept");
        }
        TrustedKey key = trust.key(signature.keyId()).orElseThrow(() -> archive.refuse(Refusal.UNKNOWN_KEY,
                "is signed with key '" + signature.keyId() + "', which the trust store " + trust.source()
                        + " does not hold: add the signer's public line there, or sign with a key it holds"));
        if (key.revoked()) {
            throw archive.refuse(Refusal.REVOKED_KEY, "is signed with key '" + key.keyId() + "', which the trust store "
                    + trust.source() + " marks revoked: sign the bundle again with a current key");
        }
        if (!Ed25519.verify(key.publicKey(), manifest, signature.signature())) {
            throw archive.refuse(Refusal.BAD_SIGNATURE, "the signature by key '" + key.keyId() + "' does not match the"
                    + " manifest: the manifest or its signature was changed after signing; get an unmodified copy"
                    + " or sign it again");
        }
        return key.keyId();
    }

    private static ModelManifest manifest(ArchiveCheck archive, byte[] bytes, boolean signed)
            throws BundleRefusedException {
        JsonNode tree;
        try {
            tree = JSON.readTree(bytes);
        } catch (IOException e) {
            throw archive.refuse(Refusal.BAD_MANIFEST, ModelBundle.MANIFEST + " is not JSON; export the bundle again");
        }
        JsonNode task = tree == null ? null : tree.get("task");
        if (task != null && task.isTextual() && Arrays.stream(Task.values()).noneMatch(t -> t.wireName()
                .equals(task.asText()))) {
            throw archive.refuse(Refusal.INCOMPATIBLE, "task '" + task.asText() + "' is not one this device's software"
                    + " serves (" + Arrays.stream(Task.values()).map(Task::wireName).toList() + ")");
        }
        ModelManifest manifest;
        try {
            manifest = ModelBundle.parseManifest(archive.bundleForMessages(), bytes);
        } catch (BundleException e) {
            throw archive.refuse(Refusal.BAD_MANIFEST, e.getMessage().substring(e.bundle().toString().length() + 2));
        }
        List<String> problems = manifest.problems();
        if (!problems.isEmpty()) {
            throw archive.refuse(Refusal.BAD_MANIFEST, "manifest is not usable: " + String.join("; ", problems));
        }
        if (signed && manifest.sequence() == null) {
            throw archive.refuse(Refusal.BAD_MANIFEST, "is signed but its manifest has no sequence; sign it again with"
                    + " 'trainer bundle sign', which sets one");
        }
        return manifest;
    }

    private static void checkSequence(ArchiveCheck archive, ModelManifest manifest, AcceptedSequences accepted,
            boolean allowDowngrade) throws BundleRefusedException {
        OptionalLong highest = accepted.highest(manifest.name());
        if (manifest.sequence() == null || highest.isEmpty() || manifest.sequence() > highest.getAsLong()
                || allowDowngrade) {
            return;
        }
        long seq = manifest.sequence();
        if (seq == highest.getAsLong()) {
            throw archive.refuse(Refusal.REPLAYED, "sequence " + seq + " of model '" + manifest.name() + "' was accepted"
                    + " already: this bundle (or another signed with the same number) was sent again; sign a new"
                    + " bundle with a higher --sequence, or ask for a reinstall with allow_downgrade");
        }
        throw archive.refuse(Refusal.DOWNGRADE, "sequence " + seq + " of model '" + manifest.name() + "' is lower than"
                + " the newest accepted (" + highest.getAsLong() + "): to go back to it, send the job with"
                + " allow_downgrade");
    }
}
