package dev.edgevision.core.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.core.model.Task;
import dev.edgevision.core.testing.TamperCases;
import dev.edgevision.core.testing.ZipItems;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every refusal of the verifier, on tampered copies of a signed bundle, and what it lets through. */
class BundleVerifierTest {
    static final long SEQUENCE = 7;

    @TempDir
    Path dir;
    TamperCases.Keys keys;
    TrustStore trust;
    BundleVerifier verifier;
    Path good;

    @BeforeEach
    void setUp() throws Exception {
        keys = TamperCases.Keys.generate();
        trust = TrustStore.load(keys.writeTrustStore(dir.resolve("trusted-keys")));
        verifier = new BundleVerifier(trust, Compatibility.of("1.0", null), false);
        good = SignedBundles.signed(dir, keys.lab(), SEQUENCE);
    }

    Refusal refusal(BundleVerifier v, Path bundle, AcceptedSequences accepted, boolean downgrade) {
        BundleRefusedException e = assertThrows(BundleRefusedException.class, () -> v.verify(bundle, accepted,
                downgrade));
        assertTrue(e.getMessage().startsWith(bundle.toString()), "the message names the file: " + e.getMessage());
        return e.reason();
    }

    @Test
    void aSignedBundleVerifiesAndStillOpensAsABundle() throws Exception {
        CheckedBundle checked = verifier.verify(good, AcceptedSequences.none().with("test-detector", SEQUENCE - 1),
                false);
        assertEquals("lab-2026", checked.signedBy());
        assertEquals(SEQUENCE, checked.sequence());
        ModelBundle opened = ModelBundle.open(good);
        assertEquals(opened.sha256(), checked.sha256());
        assertEquals(SEQUENCE, opened.manifest().sequence());
    }

    @Test
    void everyTamperedCopyIsRefusedWithItsCode() throws Exception {
        AcceptedSequences accepted = AcceptedSequences.none().with("test-detector", SEQUENCE);
        List<String[]> rows = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (TamperCases.Case c : TamperCases.make(good, keys, SEQUENCE, dir.resolve("tampered"))) {
            String code = refusal(verifier, c.bundle(), accepted, false).code();
            rows.add(new String[] {c.tamper(), c.code(), code});
            if (!code.equals(c.code())) {
                wrong.add(c.tamper() + ": " + code);
            }
        }
        TamperCases.print("BundleVerifier: tampered bundles", rows);
        assertTrue(wrong.isEmpty(), "refused with another code: " + wrong);
        assertTrue(rows.size() >= 20, "cases: " + rows.size());
    }

    @Test
    void aMissingFileIsUnreadable() {
        assertEquals(Refusal.UNREADABLE, refusal(verifier, dir.resolve("nope.vbundle"), AcceptedSequences.none(),
                false));
    }

    @Test
    void unsignedBundlesPassOnlyWhenAllowedButABadSignatureNever() throws Exception {
        Path unsigned = SignedBundles.unsigned(dir.resolve("plain.vbundle"));
        assertEquals(Refusal.UNSIGNED, refusal(verifier, unsigned, AcceptedSequences.none(), false));
        BundleVerifier lenient = new BundleVerifier(trust, Compatibility.of("1.0", null), true);
        CheckedBundle checked = lenient.verify(unsigned, AcceptedSequences.none(), false);
        assertNull(checked.signedBy());
        assertEquals(0, checked.sequence());
        List<ZipItems.Item> items = ZipItems.read(good);
        Path flipped = ZipItems.write(dir.resolve("flipped.vbundle"), ZipItems.with(items, "manifest.json",
                TamperCases.flip(ZipItems.content(items, "manifest.json"))));
        assertEquals(Refusal.BAD_SIGNATURE, refusal(lenient, flipped, AcceptedSequences.none(), false));
    }

    @Test
    void aDowngradeOrReinstallPassesOnlyWhenAskedFor() throws Exception {
        AcceptedSequences later = AcceptedSequences.none().with("test-detector", SEQUENCE + 3);
        assertEquals(Refusal.DOWNGRADE, refusal(verifier, good, later, false));
        assertEquals(SEQUENCE, verifier.verify(good, later, true).sequence());
        AcceptedSequences same = AcceptedSequences.none().with("test-detector", SEQUENCE);
        assertEquals(Refusal.REPLAYED, refusal(verifier, good, same, false));
        assertEquals(SEQUENCE, verifier.verify(good, same, true).sequence());
        AcceptedSequences other = AcceptedSequences.none().with("another-model", 1000);
        assertEquals(SEQUENCE, verifier.verify(good, other, false).sequence(), "sequences count per model name");
    }

    @Test
    void aSignedManifestThatIsIncompleteOrHasNoSequenceIsABadManifest() throws Exception {
        List<ZipItems.Item> items = ZipItems.read(good);
        String manifest = new String(ZipItems.content(items, "manifest.json"), StandardCharsets.UTF_8);
        Path noLabels = resign(items, manifest.replaceFirst("\"labels\"", "\"labelz\""), "nolabels");
        assertEquals(Refusal.BAD_MANIFEST, refusal(verifier, noLabels, AcceptedSequences.none(), false));
        Path noSequence = resign(items, manifest.replaceFirst("\"sequence\"", "\"sequenze\""), "noseq");
        assertEquals(Refusal.BAD_MANIFEST, refusal(verifier, noSequence, AcceptedSequences.none(), false));
        Path notJson = resign(items, "{ not json", "notjson");
        assertEquals(Refusal.BAD_MANIFEST, refusal(verifier, notJson, AcceptedSequences.none(), false));
    }

    @Test
    void aTaskTheDeviceDoesNotServeIsIncompatible() throws Exception {
        BundleVerifier classifiersOnly = new BundleVerifier(trust, new Compatibility(EnumSet.of(Task.CLASSIFICATION),
                "1.0", null, 1 << 20), false);
        assertEquals(Refusal.INCOMPATIBLE, refusal(classifiersOnly, good, AcceptedSequences.none(), false));
    }

    @Test
    void anEntryLargerThanDeclaredIsStoppedAtTheDeclaredSize() throws Exception {
        List<ZipItems.Item> items = ZipItems.read(good);
        byte[] longer = new byte[ZipItems.content(items, "samples/reference.bin").length + 1];
        Path grown = ZipItems.write(dir.resolve("grown.vbundle"), ZipItems.with(items, "samples/reference.bin", longer));
        assertEquals(Refusal.TOO_LARGE, refusal(verifier, grown, AcceptedSequences.none(), false));
        byte[] shorter = new byte[3];
        Path shrunk = ZipItems.write(dir.resolve("shrunk.vbundle"), ZipItems.with(items, "samples/reference.bin",
                shorter));
        assertEquals(Refusal.HASH_MISMATCH, refusal(verifier, shrunk, AcceptedSequences.none(), false));
    }

    @Test
    void aFolderEntryIsSkippedButOneHoldingDataIsRefused() throws Exception {
        List<ZipItems.Item> items = ZipItems.read(good);
        Path folder = ZipItems.write(dir.resolve("folder.vbundle"), ZipItems.with(items, "samples/", new byte[0]));
        assertEquals(SEQUENCE, verifier.verify(folder, AcceptedSequences.none(), false).sequence());
        Path stuffed = ZipItems.write(dir.resolve("stuffed.vbundle"), ZipItems.with(items, "samples/",
                new byte[1 << 20]));
        assertEquals(Refusal.BAD_ENTRY, refusal(verifier, stuffed, AcceptedSequences.none(), false));
    }

    Path resign(List<ZipItems.Item> items, String manifest, String name) throws Exception {
        byte[] bytes = manifest.getBytes(StandardCharsets.UTF_8);
        return ZipItems.write(dir.resolve(name + ".vbundle"), ZipItems.with(ZipItems.with(items, "manifest.json", bytes),
                "manifest.sig", keys.lab().sign(bytes).toBytes()));
    }

    @Test
    void codesAreStableSnakeCase() {
        assertEquals("not_a_bundle", Refusal.NOT_A_BUNDLE.code());
        assertEquals("revoked_key", Refusal.REVOKED_KEY.code());
        assertTrue(Files.exists(good));
    }
}
