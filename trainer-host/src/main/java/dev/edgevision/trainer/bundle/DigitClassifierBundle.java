package dev.edgevision.trainer.bundle;

import dev.edgevision.core.idx.DigitSet;
import dev.edgevision.core.model.BundleWriter;
import dev.edgevision.core.model.DecoderSpec;
import dev.edgevision.core.model.InputSpec;
import dev.edgevision.core.model.ModelManifest;
import dev.edgevision.core.model.OutputSpec;
import dev.edgevision.core.model.Polarity;
import dev.edgevision.core.model.Task;
import dev.edgevision.trainer.classifier.DigitClassifierNetwork;
import dev.edgevision.trainer.classifier.DigitLabels;
import dev.edgevision.trainer.onnx.ExportSpec;
import dev.edgevision.trainer.onnx.OnnxExportException;
import dev.edgevision.trainer.onnx.OnnxExporter;
import dev.edgevision.ort.OrtModelException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Packs a trained digit classifier into a model bundle: its ONNX graph and a manifest that says
 * the input is one 28x28 grey channel scaled to 0..1, white ink on black as MNIST was made, and
 * that the output already holds the ten digit probabilities.
 */
public final class DigitClassifierBundle {
    /** Name of the ONNX graph inside the bundle. */
    public static final String MODEL_FILE = "model.onnx";
    private static final int SIDE = DigitClassifierNetwork.SIDE;

    private DigitClassifierBundle() {
    }

    /** The manifest for a digit classifier; {@code files} is filled in by the writer. */
    public static ModelManifest manifest(String name, String version, Map<String, Object> metrics) {
        return manifest(name, version, metrics, DigitLabels.LABELS);
    }

    /**
     * The manifest for a classifier with one output per label; with {@link DigitLabels#WITH_REJECT}
     * the decoder names {@link DigitLabels#REJECT} as its reject class, which a device never reports.
     */
    public static ModelManifest manifest(String name, String version, Map<String, Object> metrics,
            List<String> labels) {
        ExportSpec spec = spec();
        InputSpec input = new InputSpec(spec.inputName(), List.of(-1, 1, SIDE, SIDE), "NCHW", "float32",
                "grayscale", List.of(0.0, 1.0), List.of(0.0), List.of(1.0), Polarity.LIGHT_ON_DARK, "mnist");
        return new ModelManifest(ModelManifest.FORMAT_VERSION, name, version, Task.CLASSIFICATION,
                "Handwritten digit classifier (a small CNN on 28x28 crops) for one digit per input",
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), "trainer-host " + producerVersion(),
                MODEL_FILE, input, List.of(new OutputSpec(spec.outputName(), List.of(-1, labels.size()))),
                new DecoderSpec("softmax", spec.outputName(), labels.contains(DigitLabels.REJECT)
                        ? Map.of(DecoderSpec.REJECT_LABEL, DigitLabels.REJECT) : Map.of()), labels, metrics, Map.of());
    }

    /**
     * Exports {@code net} to ONNX and writes the bundle atomically to {@code target}, with calibration
     * images and reference outputs drawn from {@code heldOut} ({@link EngineSamples}; none when null).
     */
    public static ModelManifest write(MultiLayerNetwork net, String name, String version, Map<String, Object> metrics,
            DigitSet heldOut, Path target) throws OnnxExportException, OrtModelException, IOException {
        return write(net, name, version, metrics, DigitLabels.LABELS, heldOut, target);
    }

    /** As {@link #write(MultiLayerNetwork, String, String, Map, DigitSet, Path)}, with the network's labels. */
    public static ModelManifest write(MultiLayerNetwork net, String name, String version, Map<String, Object> metrics,
            List<String> labels, DigitSet heldOut, Path target) throws OnnxExportException, OrtModelException,
            IOException {
        byte[] onnx = new OnnxExporter().export(net, spec());
        ModelManifest manifest = manifest(name, version, metrics, labels);
        BundleWriter writer = new BundleWriter(manifest).add(MODEL_FILE, onnx);
        if (heldOut != null) {
            EngineSamples.add(writer, manifest, onnx, heldOut);
        }
        return writer.write(target);
    }

    /** The ONNX graph of {@code net} as the bundle carries it. */
    public static byte[] onnx(MultiLayerNetwork net) throws OnnxExportException {
        return new OnnxExporter().export(net, spec());
    }

    private static ExportSpec spec() {
        return ExportSpec.nchw(1, SIDE, SIDE);
    }

    private static String producerVersion() {
        String v = DigitClassifierBundle.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }
}
