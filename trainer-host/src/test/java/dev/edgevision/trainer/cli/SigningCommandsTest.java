package dev.edgevision.trainer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgevision.core.idx.IdxFixtures;
import dev.edgevision.core.idx.IdxFolder;
import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.core.testing.CapturedRun;
import dev.edgevision.core.trust.AcceptedSequences;
import dev.edgevision.core.trust.BundleVerifier;
import dev.edgevision.core.trust.CheckedBundle;
import dev.edgevision.core.trust.Compatibility;
import dev.edgevision.core.trust.TrustStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trainer keys generate}, {@code trainer bundle sign|verify} and {@code train-detector --sign-key}. */
class SigningCommandsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path DIGITS = Path.of("..", "models", "digits.vbundle");

    @TempDir
    Path dir;

    JsonNode generate(String id) throws Exception {
        CapturedRun run = CliRun.of("keys", "generate", "--key-id", id, "--out", dir.resolve("keys/" + id + ".key")
                .toString());
        assertEquals(0, run.status(), run.err());
        return JSON.readTree(run.out());
    }

    @Test
    void aKeyIsOwnerOnlyItsPublicLineIsWrittenAndItIsNeverOverwritten() throws Exception {
        JsonNode line = generate("lab-2026");
        Path key = Path.of(line.get("private_key").asText());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        String pub = Files.readString(Path.of(line.get("public_file").asText())).strip();
        assertEquals(line.get("trust_line").asText(), pub);
        assertTrue(pub.startsWith("lab-2026 trusted "), pub);
        CapturedRun again = CliRun.of("keys", "generate", "--key-id", "lab-2026", "--out", key.toString());
        assertEquals(1, again.status());
        assertTrue(again.err().contains("exists already") || again.err().contains("never overwritten"), again.err());
        CapturedRun badId = CliRun.of("keys", "generate", "--key-id", "no/slash", "--out", dir.resolve("x").toString());
        assertEquals(1, badId.status());
        assertTrue(badId.err().contains("--key-id"), badId.err());
    }


    @Test
    void signThenVerifyAsADeviceWouldIncludingRevocationAndReplay() throws Exception {
        JsonNode key = generate("lab");
        Path trust = Files.copy(Path.of(key.get("public_file").asText()), dir.resolve("trusted-keys"));
        Path signed = dir.resolve("digits-signed.vbundle");
        CapturedRun sign = CliRun.of("bundle", "sign", "--key", key.get("private_key").asText(), "--sequence", "42",
                "--out", signed.toString(), DIGITS.toString());
        assertEquals(0, sign.status(), sign.err());
        JsonNode line = JSON.readTree(sign.out());
        assertEquals(42, line.get("sequence").asLong());
        assertEquals("lab", line.get("signed_by").asText());
        assertEquals(ModelBundle.open(signed).sha256(), line.get("sha256").asText());

        CapturedRun ok = CliRun.of("bundle", "verify", "--trust-store", trust.toString(), signed.toString());
        assertEquals(0, ok.status(), ok.err());
        assertEquals("lab", JSON.readTree(ok.out()).get("signed_by").asText());

        CapturedRun unsigned = CliRun.of("bundle", "verify", "--trust-store", trust.toString(), DIGITS.toString());
        assertEquals(1, unsigned.status());
        assertTrue(unsigned.err().contains("[unsigned]"), unsigned.err());
        assertEquals(0, CliRun.of("bundle", "verify", "--trust-store", trust.toString(), "--allow-unsigned",
                DIGITS.toString()).status());

        Path accepted = dir.resolve("accepted.json");
        AcceptedSequences.none().with(line.get("name").asText(), 42).write(accepted);
        CapturedRun replay = CliRun.of("bundle", "verify", "--trust-store", trust.toString(), "--accepted",
                accepted.toString(), signed.toString());
        assertEquals(1, replay.status());
        assertTrue(replay.err().contains("[replayed]"), replay.err());

        Files.writeString(trust, Files.readString(trust).replace(" trusted ", " revoked "));
        CapturedRun revoked = CliRun.of("bundle", "verify", "--trust-store", trust.toString(), signed.toString());
        assertEquals(1, revoked.status());
        assertTrue(revoked.err().contains("[revoked_key]") && revoked.err().contains(signed.toString()),
                revoked.err());

        Files.writeString(trust, "lab trusted ???\n");
        CapturedRun badStore = CliRun.of("bundle", "verify", "--trust-store", trust.toString(), signed.toString());
        assertEquals(1, badStore.status());
        assertTrue(badStore.err().contains(trust + ": line 1"), badStore.err());
    }

    @Test
    void theWrapperStillNeedsItsOptionsAndANonKeyFileIsRefused() throws Exception {
        CapturedRun missing = CliRun.of("bundle");
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("Missing required options"), missing.err());
        Path notKey = Files.writeString(dir.resolve("not.key"), "hello\n");
        CapturedRun refused = CliRun.of("bundle", "sign", "--key", notKey.toString(), DIGITS.toString(), "--out",
                dir.resolve("o.vbundle").toString());
        assertEquals(1, refused.status());
        assertTrue(refused.err().contains("not a signing key file"), refused.err());
    }

    /** Train digits only (no test split, so no test scoring) and one step: the run exists to write a bundle. */
    @Test
    void trainDetectorSignsTheBundleItWritesWhenGivenAKey() throws Exception {
        JsonNode key = generate("trainer");
        TrustStore trust = TrustStore.load(Path.of(key.get("public_file").asText()));
        Path out = dir.resolve("run");
        Path digits = Files.createDirectory(dir.resolve("digits"));
        IdxFixtures.writeSubset(IdxFolder.scan(IdxFixtures.bundledDataset()).train().read(), 200, digits, "train");
        CapturedRun run = CliRun.of("train-detector", "--widths", "4,8,8", "--anchors", "3", "--batch", "4",
                "--steps", "1", "--epochs", "1", "--validation", "4", "--digits", digits.toString(),
                "--size", "64x48", "--out", out.toString(), "--sign-key", key.get("private_key").asText(),
                "--sequence", "3");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.err().contains("with key 'trainer', sequence 3"), run.err());
        CheckedBundle checked = new BundleVerifier(trust, Compatibility.of("1.0", null), false)
                .verify(out.resolve("detector.vbundle"), AcceptedSequences.none(), false);
        assertEquals("trainer", checked.signedBy());
        assertEquals(3, checked.sequence());
    }
}
