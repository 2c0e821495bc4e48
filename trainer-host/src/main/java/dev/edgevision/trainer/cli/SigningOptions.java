package dev.edgevision.trainer.cli;

import dev.edgevision.core.model.BundleException;
import dev.edgevision.core.model.ModelManifest;
import dev.edgevision.core.trust.BundleSigner;
import dev.edgevision.core.trust.SigningKey;
import dev.edgevision.core.trust.TrustStoreException;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --sign-key} and {@code --sequence} of the training commands: sign the bundle they write. */
final class SigningOptions {
    @Option(names = "--sign-key", paramLabel = "FILE",
            description = "Sign the bundle with this key (from 'trainer keys generate') for devices with a trust store.")
    Path signKey;

    @Option(names = "--sequence", paramLabel = "N",
            description = "The bundle's sequence, above every earlier bundle of the same model name (default: the"
                    + " workstation's clock in seconds since 1970).")
    Long sequence;

    private SigningKey key;

    /** Reads the key now, so that a bad key file fails before training rather than after. */
    void load() throws TrustStoreException {
        if (signKey != null) {
            key = SigningKey.read(signKey);
        }
        if (sequence != null && sequence < 0) {
            throw new UsageException("--sequence must be 0 or more, got " + sequence);
        }
        if (sequence != null && signKey == null) {
            throw new UsageException("--sequence is only used with --sign-key");
        }
    }

    /** Signs {@code bundle} in place when a key was given; says so on standard error. */
    void signIfAsked(Path bundle) throws BundleException, IOException {
        if (key == null || bundle == null) {
            return;
        }
        long seq = sequence(sequence);
        ModelManifest signed = BundleSigner.sign(bundle, bundle, key, seq, null);
        System.err.printf("signed %s (%s %s) with key '%s', sequence %d%n", bundle, signed.name(), signed.version(),
                key.keyId(), seq);
    }

    /** The given sequence, else the workstation's clock in seconds: rising from one bundle to the next. */
    static long sequence(Long given) {
        return given != null ? given : System.currentTimeMillis() / 1000;
    }
}
