package dev.edgevision.trainer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.core.model.ModelManifest;
import dev.edgevision.core.model.Requirements;
import dev.edgevision.core.trust.BundleSigner;
import dev.edgevision.core.trust.SigningKey;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code trainer bundle sign}: signs a bundle for devices that have a trust store. */
@Command(name = "sign", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Sign a model bundle with a key from 'trainer keys generate'.",
        description = {
            "Checks every file of the bundle against its manifest, sets the manifest's",
            "sequence (and what the device must have, when given), and writes the bundle",
            "again with manifest.sig: the key's Ed25519 signature over the manifest, which",
            "holds the sha256 of every file. A device takes a bundle of a model name only",
            "when its sequence is above the last it accepted for that name.",
            "",
            "Prints one JSON line on standard output. Example:",
            "  trainer bundle sign --key keys/lab-2026.key models/digits.vbundle"})
final class BundleSignCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BUNDLE", description = "The bundle to sign.")
    Path bundle;

    @Option(names = "--key", required = true, paramLabel = "FILE", description = "The signing key file.")
    Path key;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the signed bundle (default: in place).")
    Path out;

    @Option(names = "--sequence", paramLabel = "N", description = "Sequence, above every earlier bundle of this model"
            + " name (default: the workstation's clock in seconds since 1970).")
    Long sequence;

    @Option(names = "--min-app-version", paramLabel = "V",
            description = "The oldest device software that may run the bundle, e.g. 0.4.")
    String minAppVersion;

    @Override
    public Integer call() throws Exception {
        if (sequence != null && sequence < 0) {
            throw new UsageException("--sequence must be 0 or more, got " + sequence);
        }
        if (minAppVersion != null && !minAppVersion.matches("\\d+(\\.\\d+)*")) {
            throw new UsageException("--min-app-version must be dotted numbers such as 0.4 or 1.2.3, got '"
                    + minAppVersion + "'");
        }
        SigningKey signing = SigningKey.read(key);
        long seq = SigningOptions.sequence(sequence);
        Path target = out == null ? bundle : out;
        ModelManifest before = ModelBundle.open(bundle).manifest();
        Requirements requires = minAppVersion == null ? null : new Requirements(minAppVersion,
                before.requires() == null ? null : before.requires().tensorrtMajor());
        ModelManifest signed = BundleSigner.sign(bundle, target, signing, seq, requires);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("bundle", target.toString());
        line.put("name", signed.name());
        line.put("version", signed.version());
        line.put("sequence", seq);
        line.put("signed_by", signing.keyId());
        line.put("sha256", ModelBundle.open(target).sha256());
        System.out.println(new ObjectMapper().writeValueAsString(line));
        return 0;
    }
}
