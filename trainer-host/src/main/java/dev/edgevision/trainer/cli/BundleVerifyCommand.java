package dev.edgevision.trainer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgevision.core.trust.AcceptedSequences;
import dev.edgevision.core.trust.BundleRefusedException;
import dev.edgevision.core.trust.BundleVerifier;
import dev.edgevision.core.trust.CheckedBundle;
import dev.edgevision.core.trust.Compatibility;
import dev.edgevision.core.trust.TrustStore;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code trainer bundle verify}: checks a bundle as a device with a trust store does. */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Check a bundle as a device with a trust store checks it.",
        description = {
            "Runs the device's checks: archive entries (no '..', absolute paths or links;",
            "nothing larger than declared), signature, key (trusted, not revoked), every",
            "file's sha256, compatibility and, with --accepted, the sequence. Prints one",
            "JSON line on success; a refusal is one line on standard error with its code",
            "(as a device's job reports it) and exit status 1.",
            "",
            "Example:",
            "  trainer bundle verify --trust-store trusted-keys models/digits.vbundle"})
final class BundleVerifyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BUNDLE", description = "The bundle to check.")
    Path bundle;

    @Option(names = "--trust-store", required = true, paramLabel = "FILE",
            description = "The trust store a device holds (lines 'KEYID trusted|revoked BASE64').")
    Path trustStore;

    @Option(names = "--accepted", paramLabel = "FILE", description = "A device's accepted-sequences.json, to check"
            + " the sequence too.")
    Path accepted;

    @Option(names = "--allow-unsigned", description = "Accept a bundle without a signature, as a device with"
            + " update.allow_unsigned does.")
    boolean allowUnsigned;

    @Option(names = "--allow-downgrade", description = "Accept a sequence at or below the accepted one.")
    boolean allowDowngrade;

    @Option(names = "--app-version", paramLabel = "V", description = "The device software version to check against"
            + " (default: any).")
    String appVersion;

    @Option(names = "--tensorrt-major", paramLabel = "N", description = "The device's TensorRT major version"
            + " (default: none).")
    Integer tensorrtMajor;

    @Override
    public Integer call() throws Exception {
        TrustStore trust = TrustStore.load(trustStore);
        AcceptedSequences sequences = accepted == null ? AcceptedSequences.none() : AcceptedSequences.read(accepted);
        BundleVerifier verifier = new BundleVerifier(trust, Compatibility.of(appVersion == null ? "any" : appVersion,
                tensorrtMajor), allowUnsigned);
        CheckedBundle checked;
        try {
            checked = verifier.verify(bundle, sequences, allowDowngrade);
        } catch (BundleRefusedException e) {
            System.err.println("trainer bundle verify: refused [" + e.code() + "]: " + e.getMessage());
            return 1;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("bundle", bundle.toString());
        line.put("verified", true);
        line.put("name", checked.manifest().name());
        line.put("version", checked.manifest().version());
        line.put("sequence", checked.manifest().sequence());
        line.put("signed_by", checked.signedBy());
        line.put("sha256", checked.sha256());
        System.out.println(new ObjectMapper().writeValueAsString(line));
        return 0;
    }
}
