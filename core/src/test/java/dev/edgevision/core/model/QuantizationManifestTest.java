package dev.edgevision.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.testing.TestBundles;
import dev.edgevision.core.trust.BundleSigner;
import dev.edgevision.core.trust.SigningKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest's {@code quantization} field: written only for quantised graphs, read back, kept by signing. */
class QuantizationManifestTest {
    static final Quantization INT8 = new Quantization(Quantization.INT8, Quantization.QDQ,
            "int8 symmetric per output channel", "uint8 asymmetric per tensor", "min/max over 8 scenes", "ab".repeat(32));

    @TempDir
    Path dir;

    @Test
    void aQuantisedBundleSaysSoAndReadsBack() throws Exception {
        Path target = dir.resolve("int8.vbundle");
        new BundleWriter(TestBundles.digitManifest().withQuantization(INT8)).add("model.onnx", new byte[] {1, 2, 3})
                .write(target);
        ModelBundle bundle = ModelBundle.open(target);
        assertEquals(INT8, bundle.manifest().quantization());
        assertEquals("int8", bundle.manifest().precision());
        String json;
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(target.toFile())) {
            json = new String(zip.getInputStream(zip.getEntry(ModelBundle.MANIFEST)).readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(json.contains("\"quantization\"") && json.contains("\"precision\" : \"int8\"")
                && json.contains("\"float_model_sha256\""), json);
    }

    @Test
    void aFloatManifestHasNoQuantizationKey() throws Exception {
        ModelManifest plain = TestBundles.digitManifest();
        String json = ManifestJson.MAPPER.writeValueAsString(plain);
        assertFalse(json.contains("quantization") || json.contains("precision"), json);
        assertEquals("float32", plain.precision());
        ModelManifest read = ModelBundle.parseManifest(dir, json.getBytes(StandardCharsets.UTF_8));
        assertNull(read.quantization());
        assertEquals(plain.name(), read.name());
    }

    @Test
    void aReaderIgnoresKeysOfTheQuantizationItDoesNotKnow() throws Exception {
        String json = ManifestJson.MAPPER.writeValueAsString(TestBundles.digitManifest().withQuantization(INT8))
                .replace("\"precision\" : \"int8\"", "\"precision\" : \"int8\", \"granularity\" : \"per-block\"");
        ModelManifest read = ModelBundle.parseManifest(dir, json.getBytes(StandardCharsets.UTF_8));
        assertEquals(INT8, read.quantization());
    }

    @Test
    void signingKeepsTheQuantization() throws Exception {
        Path target = dir.resolve("int8.vbundle");
        new BundleWriter(TestBundles.digitManifest().withQuantization(INT8)).add("model.onnx", new byte[] {4})
                .write(target);
        ModelManifest signed = BundleSigner.sign(target, target, SigningKey.generate("test"), 7, null);
        assertEquals(INT8, signed.quantization());
        assertEquals(INT8, ModelBundle.open(target).manifest().quantization());
    }

    @Test
    void aQuantizationWithoutPrecisionIsAProblemNamingTheKey() {
        ModelManifest m = TestBundles.digitManifest().withFiles(Map.of("model.onnx", new FileEntry("0".repeat(64), 1)))
                .withQuantization(new Quantization(null, Quantization.QDQ, null, null, null, null));
        assertTrue(String.join("; ", m.problems()).contains("quantization.precision"), m.problems().toString());
    }
}
