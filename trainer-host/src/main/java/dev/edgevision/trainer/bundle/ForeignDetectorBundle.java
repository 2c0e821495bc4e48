package dev.edgevision.trainer.bundle;

import dev.edgevision.core.detect.decode.DecoderException;
import dev.edgevision.core.detect.decode.Decoders;
import dev.edgevision.core.model.BundleWriter;
import dev.edgevision.core.model.InputSpec;
import dev.edgevision.core.model.ModelManifest;
import dev.edgevision.core.model.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Wraps a detector trained elsewhere (an ONNX file), its labels and a declared decoder into a model
 * bundle a device loads without tensor-name flags. What the graph says (input name, layout and
 * size, output names and shapes, class count) is read from it through ONNX Runtime; the
 * declaration is then checked exactly as a device checks it ({@link Decoders#create}) before the
 * bundle is written, atomically.
 */
public final class ForeignDetectorBundle {
    /** Name of the ONNX graph inside the bundle. */
    public static final String MODEL_FILE = "model.onnx";

    private ForeignDetectorBundle() {
    }

    /** The manifest for the foreign model {@code options} describe; {@code files} is filled in by the writer. */
    public static ModelManifest manifest(ForeignDetectorOptions o, byte[] onnx) throws ForeignModelException, IOException {
        if (!Decoders.TYPES.contains(o.decoder())) {
            throw new ForeignModelException("--decoder must be one of " + String.join(", ", Decoders.TYPES) + ", got '"
                    + o.decoder() + "'");
        }
        List<String> labels = LabelsFile.read(o.labels());
        try (OnnxSignature graph = OnnxSignature.read(o.onnx(), onnx)) {
            InputSpec input = ForeignInput.infer(graph, o);
            ForeignDecoder.Declaration declared = ForeignDecoder.declare(graph, input, labels, o);
            String stem = o.onnx().getFileName().toString().replaceFirst("\\.onnx$", "");
            ModelManifest manifest = new ModelManifest(ModelManifest.FORMAT_VERSION, o.name() == null ? stem : o.name(),
                    o.version() == null ? "1" : o.version(), Task.DETECTION,
                    o.decoder() + " detector of " + labels.size() + " classes, wrapped from " + o.onnx().getFileName(),
                    Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), "trainer-host bundle " + producerVersion(),
                    MODEL_FILE, input, declared.outputs(), declared.decoder(), labels, Map.of(), Map.of());
            Decoders.create(manifest, o.onnx().toString());
            return manifest;
        } catch (DecoderException e) {
            throw new ForeignModelException(e.getMessage(), e);
        }
    }

    /** Reads the ONNX file, builds and checks the manifest, and writes the bundle to {@code target}. */
    public static ModelManifest write(ForeignDetectorOptions o, Path target) throws ForeignModelException, IOException {
        if (!Files.isRegularFile(o.onnx())) {
            throw new NoSuchFileException(o.onnx().toString());
        }
        byte[] onnx = Files.readAllBytes(o.onnx());
        ModelManifest manifest = manifest(o, onnx);
        return new BundleWriter(manifest).add(MODEL_FILE, onnx).write(target);
    }

    private static String producerVersion() {
        String v = ForeignDetectorBundle.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }
}
