package dev.edgevision.core.testing;

import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.core.model.ModelManifest;
import dev.edgevision.core.model.Requirements;
import dev.edgevision.core.trust.BundleSignature;
import dev.edgevision.core.trust.BundleSigner;
import dev.edgevision.core.trust.SigningKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Tampered copies of a signed bundle, each with the refusal code a verifier must give: bit flips in
 * every file, truncation, unlisted, missing, traversing, absolute and link entries, wrong and
 * revoked keys, a replayed and a lower sequence, an unknown task, a newer app version, zip bombs.
 */
public final class TamperCases {
    /** One tampered bundle and the code it must be refused with. */
    public record Case(String tamper, Path bundle, String code) {
    }

    /** The keys: {@code lab} is trusted, {@code revoked} is in the store marked revoked, {@code stranger} is not in it. */
    public record Keys(SigningKey lab, SigningKey revoked, SigningKey stranger) {
        public static Keys generate() {
            return new Keys(SigningKey.generate("lab-2026"), SigningKey.generate("lab-2025"),
                    SigningKey.generate("stranger"));
        }

        /** Writes the trust store: lab trusted, revoked marked revoked. */
        public Path writeTrustStore(Path file) throws java.io.IOException {
            String revokedLine = revoked.trustLine().replace(" trusted ", " revoked ");
            return Files.writeString(file, "# test trust store\n" + lab.trustLine() + "\n" + revokedLine + "\n");
        }
    }

    private TamperCases() {
    }

    /**
     * Tampered copies of {@code good} (signed by {@code keys.lab()} with sequence {@code sequence},
     * which the verifier has accepted already) written into {@code dir}.
     */
    public static List<Case> make(Path good, Keys keys, long sequence, Path dir) throws Exception {
        Files.createDirectories(dir);
        List<ZipItems.Item> items = ZipItems.read(good);
        ModelManifest manifest = ModelBundle.open(good).manifest();
        byte[] manifestBytes = ZipItems.content(items, ModelBundle.MANIFEST);
        List<Case> cases = new ArrayList<>();
        int n = 0;

        cases.add(new Case("bit flip in manifest.json", ZipItems.write(dir.resolve(n++ + ".vbundle"),
                ZipItems.with(items, ModelBundle.MANIFEST, flip(manifestBytes))), "bad_signature"));
        BundleSignature sig = BundleSignature.parse(ZipItems.content(items, ModelBundle.SIGNATURE));
        cases.add(new Case("bit flip in manifest.sig", ZipItems.write(dir.resolve(n++ + ".vbundle"),
                ZipItems.with(items, ModelBundle.SIGNATURE, new BundleSignature(sig.keyId(), sig.algorithm(),
                        flip(sig.signature())).toBytes())), "bad_signature"));
        for (String file : manifest.files().keySet()) {
            cases.add(new Case("bit flip in " + file, ZipItems.write(dir.resolve(n++ + ".vbundle"),
                    ZipItems.with(items, file, flip(ZipItems.content(items, file)))), "hash_mismatch"));
        }
        Path raw = ZipItems.writeStored(dir.resolve(n++ + ".vbundle"), items, manifest.modelFile());
        ZipItems.flipStoredByte(raw, manifest.modelFile());
        cases.add(new Case("bit flip in the archive (" + manifest.modelFile() + " stored, CRC kept)", raw,
                "hash_mismatch"));

        byte[] whole = Files.readAllBytes(good);
        cases.add(new Case("truncated by 100 bytes", Files.write(dir.resolve(n++ + ".vbundle"),
                Arrays.copyOf(whole, whole.length - 100)), "not_a_bundle"));
        cases.add(new Case("truncated to half", Files.write(dir.resolve(n++ + ".vbundle"),
                Arrays.copyOf(whole, whole.length / 2)), "not_a_bundle"));
        cases.add(new Case("not a zip at all", Files.write(dir.resolve(n++ + ".vbundle"),
                "MZ this is not a bundle".getBytes(StandardCharsets.UTF_8)), "not_a_bundle"));

        cases.add(new Case("unlisted file added", ZipItems.write(dir.resolve(n++ + ".vbundle"),
                ZipItems.with(items, "extra.txt", "hello".getBytes(StandardCharsets.UTF_8))), "unlisted_file"));
        cases.add(new Case("listed file removed", ZipItems.write(dir.resolve(n++ + ".vbundle"),
                ZipItems.without(items, manifest.modelFile())), "missing_file"));
        cases.add(new Case("path traversal (../evil.sh)", ZipItems.write(dir.resolve(n++ + ".vbundle"),
                ZipItems.with(items, "../evil.sh", "rm -rf /".getBytes(StandardCharsets.UTF_8))), "bad_entry"));
        cases.add(new Case("absolute path (/etc/cron.d/evil)", ZipItems.write(dir.resolve(n++ + ".vbundle"),
                ZipItems.with(items, "/etc/cron.d/evil", "x".getBytes(StandardCharsets.UTF_8))), "bad_entry"));
        Path link = ZipItems.write(dir.resolve(n++ + ".vbundle"),
                ZipItems.with(items, "labels.txt", "/etc/passwd".getBytes(StandardCharsets.UTF_8)));
        ZipItems.markLink(link, "labels.txt");
        cases.add(new Case("symbolic link entry", link, "bad_entry"));

        cases.add(new Case("signature removed", ZipItems.write(dir.resolve(n++ + ".vbundle"),
                ZipItems.without(items, ModelBundle.SIGNATURE)), "unsigned"));
        Path stranger = dir.resolve(n++ + ".vbundle");
        BundleSigner.sign(good, stranger, keys.stranger(), sequence + 1, null);
        cases.add(new Case("signed with a key not in the trust store", stranger, "unknown_key"));
        Path revoked = dir.resolve(n++ + ".vbundle");
        BundleSigner.sign(good, revoked, keys.revoked(), sequence + 1, null);
        cases.add(new Case("signed with a revoked key", revoked, "revoked_key"));
        cases.add(new Case("the accepted bundle sent again", Files.copy(good, dir.resolve(n++ + ".vbundle")),
                "replayed"));
        Path lower = dir.resolve(n++ + ".vbundle");
        BundleSigner.sign(good, lower, keys.lab(), sequence - 1, null);
        cases.add(new Case("lower sequence (downgrade)", lower, "downgrade"));

        cases.add(new Case("task 'segmentation', signed", resigned(dir.resolve(n++ + ".vbundle"), items, keys.lab(),
                new String(manifestBytes, StandardCharsets.UTF_8).replaceFirst("\"task\"\\s*:\\s*\"[a-z]+\"",
                        "\"task\" : \"segmentation\"")), "incompatible"));
        Path newer = dir.resolve(n++ + ".vbundle");
        BundleSigner.sign(good, newer, keys.lab(), sequence + 1, new Requirements("99.0", null));
        cases.add(new Case("needs device software 99.0", newer, "incompatible"));
        Path engine = dir.resolve(n++ + ".vbundle");
        BundleSigner.sign(good, engine, keys.lab(), sequence + 1, new Requirements(null, 99));
        cases.add(new Case("carries a TensorRT 99 engine", engine, "incompatible"));

        cases.add(new Case("zip bomb: " + manifest.modelFile() + " inflates to 64 MB",
                ZipItems.writeBomb(dir.resolve(n++ + ".vbundle"), items, manifest.modelFile(), 64L << 20), "too_large"));
        cases.add(new Case("zip bomb: manifest.json inflates to 8 MB",
                ZipItems.writeBomb(dir.resolve(n++ + ".vbundle"), items, ModelBundle.MANIFEST, 8L << 20), "too_large"));
        return cases;
    }

    /** Writes {@code items} with {@code manifestText} as the manifest, signed again by {@code key}. */
    static Path resigned(Path target, List<ZipItems.Item> items, SigningKey key, String manifestText) throws Exception {
        byte[] manifest = manifestText.getBytes(StandardCharsets.UTF_8);
        List<ZipItems.Item> out = ZipItems.with(items, ModelBundle.MANIFEST, manifest);
        return ZipItems.write(target, ZipItems.with(out, ModelBundle.SIGNATURE, key.sign(manifest).toBytes()));
    }

    /** A copy with one bit flipped in the middle. */
    public static byte[] flip(byte[] content) {
        byte[] copy = content.clone();
        copy[copy.length / 2] ^= 0x08;
        return copy;
    }

    /** Prints the table of tamper, expected and actual code. */
    public static void print(String title, List<String[]> rows) {
        System.out.println(title);
        System.out.printf("| %-56s | %-14s | %-14s |%n", "tamper", "expected", "refused with");
        System.out.printf("|%s|%s|%s|%n", "-".repeat(58), "-".repeat(16), "-".repeat(16));
        for (String[] r : rows) {
            System.out.printf("| %-56s | %-14s | %-14s |%n", r[0], r[1], r[2]);
        }
    }
}
