package dev.edgevision.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelBundleTest {
    static final byte[] GRAPH = "not really onnx, but bytes to hash".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    static ModelManifest manifest() {
        InputSpec input = new InputSpec("input", List.of(-1, 1, 28, 28), "NCHW", "float32", "grayscale",
                List.of(0.0, 1.0), List.of(0.0), List.of(1.0), Polarity.LIGHT_ON_DARK, "mnist");
        return new ModelManifest(1, "digits", "3", Task.CLASSIFICATION, "test", "2026-11-22T08:00:00Z", "test",
                "model.onnx", input, List.of(new OutputSpec("probabilities", List.of(-1, 10))),
                new DecoderSpec("softmax", "probabilities", Map.of()), List.of("0", "1", "2", "3", "4", "5", "6",
                        "7", "8", "9"), Map.of("test_accuracy", 0.99), Map.of());
    }

    Path writeValid() throws IOException {
        Path file = dir.resolve("digits.vbundle");
        new BundleWriter(manifest()).add("model.onnx", GRAPH).write(file);
        return file;
    }

    @Test
    void roundTripKeepsManifestAndFiles() throws Exception {
        ModelBundle bundle = ModelBundle.open(writeValid());
        assertEquals("digits", bundle.manifest().name());
        assertEquals(Task.CLASSIFICATION, bundle.manifest().task());
        assertEquals(Polarity.LIGHT_ON_DARK, bundle.manifest().input().polarity());
        assertEquals(28, bundle.manifest().input().height());
        assertEquals(10, bundle.manifest().labels().size());
        assertArrayEquals(GRAPH, bundle.modelBytes());
        assertEquals(Sha256.hex(GRAPH), bundle.modelSha256());
        assertEquals(GRAPH.length, bundle.manifest().files().get("model.onnx").size());
        assertEquals(0.99, ((Number) bundle.manifest().metrics().get("test_accuracy")).doubleValue());
    }

    @Test
    void manifestUsesSnakeCaseKeys() throws Exception {
        String json = new String(entries(writeValid()).get("manifest.json"), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"format_version\""), json);
        assertTrue(json.contains("\"value_range\""), json);
        assertTrue(json.contains("\"light_on_dark\""), json);
        assertTrue(json.contains("\"classification\""), json);
    }

    @Test
    void sameContentGivesSameBytes() throws Exception {
        Path a = dir.resolve("a.vbundle");
        Path b = dir.resolve("b.vbundle");
        new BundleWriter(manifest()).add("model.onnx", GRAPH).write(a);
        new BundleWriter(manifest()).add("model.onnx", GRAPH).write(b);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void tamperedFileIsRefusedWithItsName() throws Exception {
        Map<String, byte[]> entries = entries(writeValid());
        entries.put("model.onnx", "changed".getBytes(StandardCharsets.UTF_8));
        Path tampered = rewrite(entries, "tampered.vbundle");
        BundleException e = assertThrows(BundleException.class, () -> ModelBundle.open(tampered));
        assertTrue(e.getMessage().contains("tampered.vbundle"), e.getMessage());
        assertTrue(e.getMessage().contains("'model.onnx' does not match its sha256"), e.getMessage());
    }

    @Test
    void unlistedFileIsRefused() throws Exception {
        Map<String, byte[]> entries = entries(writeValid());
        entries.put("extra.bin", new byte[] {1});
        BundleException e = assertThrows(BundleException.class, () -> ModelBundle.open(rewrite(entries, "x.vbundle")));
        assertTrue(e.getMessage().contains("'extra.bin'"), e.getMessage());
    }

    @Test
    void missingListedFileIsRefused() throws Exception {
        Map<String, byte[]> entries = entries(writeValid());
        entries.remove("model.onnx");
        BundleException e = assertThrows(BundleException.class, () -> ModelBundle.open(rewrite(entries, "x.vbundle")));
        assertTrue(e.getMessage().contains("does not contain it"), e.getMessage());
    }

    @Test
    void notAZipIsRefused() throws Exception {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "hello, I am not a bundle");
        BundleException e = assertThrows(BundleException.class, () -> ModelBundle.open(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not a model bundle"), e.getMessage());
    }

    @Test
    void zipWithoutManifestIsRefused() throws Exception {
        Path file = rewrite(Map.of("model.onnx", GRAPH), "plain.zip");
        BundleException e = assertThrows(BundleException.class, () -> ModelBundle.open(file));
        assertTrue(e.getMessage().contains("no manifest.json"), e.getMessage());
    }

    @Test
    void missingFileIsNamed() {
        Path file = dir.resolve("absent.vbundle");
        BundleException e = assertThrows(BundleException.class, () -> ModelBundle.open(file));
        assertTrue(e.getMessage().contains("absent.vbundle: no such file"), e.getMessage());
    }

    @Test
    void brokenJsonNamesTheLine() throws Exception {
        Map<String, byte[]> entries = entries(writeValid());
        entries.put("manifest.json", "{\n\"name\": \"digits\",\n oops }".getBytes(StandardCharsets.UTF_8));
        BundleException e = assertThrows(BundleException.class, () -> ModelBundle.open(rewrite(entries, "j.vbundle")));
        assertTrue(e.getMessage().contains("manifest.json is not a valid manifest"), e.getMessage());
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }

    @Test
    void newerFormatIsRefusedWithAdvice() throws Exception {
        Map<String, byte[]> entries = entries(writeValid());
        String json = new String(entries.get("manifest.json"), StandardCharsets.UTF_8)
                .replace("\"format_version\" : 1", "\"format_version\" : 9");
        entries.put("manifest.json", json.getBytes(StandardCharsets.UTF_8));
        BundleException e = assertThrows(BundleException.class, () -> ModelBundle.open(rewrite(entries, "n.vbundle")));
        assertTrue(e.getMessage().contains("format_version 9 is not supported"), e.getMessage());
    }

    @Test
    void incompleteManifestListsEveryProblem() {
        ModelManifest m = manifest();
        ModelManifest broken = new ModelManifest(1, "", "1", null, null, null, null, "model.onnx",
                new InputSpec("input", List.of(1, 28, 28), "NCHW", "float32", "grayscale", List.of(0.0, 1.0),
                        List.of(0.0), List.of(1.0), Polarity.LIGHT_ON_DARK, null),
                m.outputs(), new DecoderSpec("softmax", "scores", Map.of()), List.of(), null, Map.of());
        List<String> problems = broken.problems();
        assertTrue(problems.contains("name is missing"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("task is missing")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("input.shape must have 4")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("'scores' is not one of the outputs")), problems.toString());
        assertTrue(problems.contains("labels is missing or empty"), problems.toString());
    }

    @Test
    void failedWriteKeepsTheExistingBundle() throws Exception {
        Path file = writeValid();
        byte[] before = Files.readAllBytes(file);
        ModelManifest unusable = manifest().withFiles(Map.of());
        BundleWriter writer = new BundleWriter(new ModelManifest(1, null, "1", Task.CLASSIFICATION, null, null, null,
                "model.onnx", unusable.input(), unusable.outputs(), unusable.decoder(), unusable.labels(), null,
                Map.of())).add("model.onnx", GRAPH);
        assertThrows(IllegalStateException.class, () -> writer.write(file));
        assertArrayEquals(before, Files.readAllBytes(file));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file may be left behind");
        }
    }

    static Map<String, byte[]> entries(Path zip) throws IOException {
        Map<String, byte[]> map = new java.util.LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                map.put(e.getName(), in.readAllBytes());
            }
        }
        return map;
    }

    Path rewrite(Map<String, byte[]> entries, String name) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream raw = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(raw)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }
}
