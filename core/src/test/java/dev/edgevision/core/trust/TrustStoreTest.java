package dev.edgevision.core.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trust-store lines, signing key files and accepted sequences. */
class TrustStoreTest {
    @TempDir
    Path dir;

    @Test
    void aStoreReadsTrustedAndRevokedKeysAndSkipsComments() throws Exception {
        SigningKey a = SigningKey.generate("a");
        SigningKey b = SigningKey.generate("b.old");
        Path file = Files.writeString(dir.resolve("keys"), "# comment\n\n" + a.trustLine() + "\n  "
                + b.trustLine().replace("trusted", "revoked") + "  \n");
        TrustStore store = TrustStore.load(file);
        assertEquals(2, store.keys().size());
        assertFalse(store.key("a").orElseThrow().revoked());
        assertTrue(store.key("b.old").orElseThrow().revoked());
        assertEquals(a.publicKey(), store.key("a").orElseThrow().publicKey());
        assertTrue(store.key("c").isEmpty());
    }

    @Test
    void badLinesAreRefusedNamingTheFileAndLine() throws Exception {
        String good = SigningKey.generate("a").trustLine();
        String key = good.split(" ")[2];
        String[][] cases = {
            {"a trusted", "line 2", "expected"},
            {"a maybe " + key, "line 2", "trusted' or 'revoked"},
            {"a trusted not-base64!", "line 2", "not a base64 Ed25519"},
            {"a trusted " + java.util.Base64.getEncoder().encodeToString(new byte[32]), "line 2", "not a base64"},
            {"bad/id trusted " + key, "line 2", "key id"},
            {good, "line 2", "appears twice"},
        };
        for (String[] c : cases) {
            Path file = Files.writeString(dir.resolve("store"), good + "\n" + c[0] + "\n");
            TrustStoreException e = assertThrows(TrustStoreException.class, () -> TrustStore.load(file), c[0]);
            assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
            assertTrue(e.getMessage().contains(c[1]) && e.getMessage().contains(c[2]), e.getMessage());
        }
        TrustStoreException missing = assertThrows(TrustStoreException.class, () -> TrustStore.load(dir.resolve("x")));
        assertTrue(missing.getMessage().contains("update.trust_store"), missing.getMessage());
    }

    @Test
    void aKeyFileIsOwnerOnlyIsNeverOverwrittenAndSignsAfterReading() throws Exception {
        SigningKey key = SigningKey.generate("lab");
        Path file = dir.resolve("sub/lab.key");
        key.write(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertThrows(FileAlreadyExistsException.class, () -> SigningKey.generate("lab").write(file));
        SigningKey read = SigningKey.read(file);
        assertEquals("lab", read.keyId());
        byte[] data = "manifest".getBytes();
        assertTrue(Ed25519.verify(key.publicKey(), data, read.sign(data).signature()));
        Path publicOnly = Files.writeString(dir.resolve("pub"), key.trustLine() + "\n");
        TrustStoreException e = assertThrows(TrustStoreException.class, () -> SigningKey.read(publicOnly));
        assertTrue(e.getMessage().contains("not a signing key file"), e.getMessage());
        assertFalse(key.toString().contains(java.util.Base64.getEncoder().encodeToString(new byte[0]) + "M"),
                "toString shows the id only: " + key);
        assertThrows(IllegalArgumentException.class, () -> SigningKey.generate("no spaces"));
    }

    @Test
    void acceptedSequencesKeepTheHighestPerNameAndSurviveAWrite() throws Exception {
        AcceptedSequences s = AcceptedSequences.none().with("digits", 5).with("digits", 3).with("detector", 9);
        assertEquals(5, s.highest("digits").getAsLong());
        Path file = dir.resolve("accepted.json");
        s.write(file);
        AcceptedSequences read = AcceptedSequences.read(file);
        assertEquals(s.asMap(), read.asMap());
        assertTrue(AcceptedSequences.read(dir.resolve("none.json")).asMap().isEmpty());
        Files.writeString(file, "{\"digits\": -1}");
        assertThrows(java.io.IOException.class, () -> AcceptedSequences.read(file));
    }

    @Test
    void inputsTheDeviceCannotFeedAreNamed() {
        Compatibility device = Compatibility.of("1.0", null);
        dev.edgevision.core.model.ModelManifest ok = dev.edgevision.core.testing.DetectionManifests.single("yolov8",
                java.util.List.of(-1, 6, 10), java.util.Map.of(), java.util.List.of("a", "b"), 64, 48, "letterbox");
        assertTrue(device.problems(ok).isEmpty(), device.problems(ok).toString());
        dev.edgevision.core.model.InputSpec in = ok.input();
        dev.edgevision.core.model.InputSpec batch8 = new dev.edgevision.core.model.InputSpec(in.name(),
                java.util.List.of(8, 3, 48, 64), in.layout(), in.dtype(), in.colour(), in.valueRange(), in.mean(),
                in.std(), in.polarity(), in.resize());
        assertTrue(device.problems(withInput(ok, batch8)).get(0).contains("batch is fixed at 8"));
        dev.edgevision.core.model.InputSpec huge = new dev.edgevision.core.model.InputSpec(in.name(),
                java.util.List.of(-1, 4, 8192, 8192), in.layout(), "float16", in.colour(), in.valueRange(),
                java.util.List.of(0.0, 0.0, 0.0, 0.0), java.util.List.of(1.0, 1.0, 1.0, 1.0), in.polarity(),
                in.resize());
        assertEquals(3, device.problems(withInput(ok, huge)).size(), device.problems(withInput(ok, huge)).toString());
    }

    static dev.edgevision.core.model.ModelManifest withInput(dev.edgevision.core.model.ModelManifest m,
            dev.edgevision.core.model.InputSpec input) {
        return new dev.edgevision.core.model.ModelManifest(m.formatVersion(), m.name(), m.version(), m.task(),
                m.description(), m.created(), m.producer(), m.modelFile(), input, m.outputs(), m.decoder(), m.labels(),
                m.metrics(), m.files(), m.sequence(), m.requires());
    }

    @Test
    void appVersionsCompareAsNumbers() {
        assertTrue(Compatibility.older("0.9", "0.10"));
        assertFalse(Compatibility.older("1.2.0-SNAPSHOT", "1.2"));
        assertTrue(Compatibility.older("1.2", "1.2.1"));
        assertFalse(Compatibility.older("development build", "99"));
    }
}
