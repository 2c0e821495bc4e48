package dev.edgevision.trainer.bundle;

import dev.edgevision.core.model.BundleWriter;
import dev.edgevision.core.model.DecoderSpec;
import dev.edgevision.core.model.InputSpec;
import dev.edgevision.core.model.ModelManifest;
import dev.edgevision.core.model.OutputSpec;
import dev.edgevision.core.model.Polarity;
import dev.edgevision.core.model.Task;
import dev.edgevision.trainer.detector.net.DetectorArchitecture;
import dev.edgevision.trainer.onnx.ExportSpec;
import dev.edgevision.trainer.onnx.OnnxExportException;
import dev.edgevision.trainer.onnx.OnnxExporter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Packs a trained grid detector into a model bundle: its ONNX graph, which ends with the raw
 * YOLOv2 output, and a manifest whose {@code yolo2} decoder carries the anchors, grid, stride and
 * thresholds, so a device decodes it without further flags.
 */
public final class DetectorBundle {
    /** Name of the ONNX graph inside the bundle. */
    public static final String MODEL_FILE = "model.onnx";
    /** Name of the raw output tensor. */
    public static final String OUTPUT = "raw";
    /** Default least score of a reported detection. */
    public static final double SCORE_THRESHOLD = 0.4;
    /** Default IoU above which a box of the same class is suppressed. */
    public static final double IOU_THRESHOLD = 0.45;
    /** Default most detections per frame. */
    public static final int MAX_DETECTIONS = 50;

    private DetectorBundle() {
    }

    /**
     * The manifest of a detector; {@code files} is filled in by the writer.
     *
     * @param polarity ink polarity of the training frames ({@code dark_on_light} for digits on paper,
     *     {@code natural} for scenes)
     */
    public static ModelManifest manifest(DetectorArchitecture arch, List<String> labels, Polarity polarity,
            String name, String version, String description, Map<String, Object> metrics) {
        return manifest(arch, labels, polarity, name, version, description, metrics, SCORE_THRESHOLD);
    }

    /** As {@link #manifest(DetectorArchitecture, List, Polarity, String, String, String, Map)} with its own score threshold. */
    public static ModelManifest manifest(DetectorArchitecture arch, List<String> labels, Polarity polarity,
            String name, String version, String description, Map<String, Object> metrics, double scoreThreshold) {
        InputSpec input = new InputSpec(ExportSpec.DEFAULT_INPUT_NAME, List.of(-1, 1, arch.inputHeight(),
                arch.inputWidth()), "NCHW", "float32", "grayscale", List.of(0.0, 1.0), List.of(0.0), List.of(1.0),
                polarity, "letterbox");
        List<List<Double>> anchors = new ArrayList<>();
        for (double[] a : arch.anchors()) {
            anchors.add(List.of(round(a[0]), round(a[1])));
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("anchors", anchors);
        parameters.put("grid", List.of(arch.gridWidth(), arch.gridHeight()));
        parameters.put("stride", List.of(arch.stride(), arch.stride()));
        parameters.put("score_threshold", scoreThreshold);
        parameters.put("iou_threshold", IOU_THRESHOLD);
        parameters.put("max_detections", MAX_DETECTIONS);
        return new ModelManifest(ModelManifest.FORMAT_VERSION, name, version, Task.DETECTION, description,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), "trainer-host " + producerVersion(),
                MODEL_FILE, input, List.of(new OutputSpec(OUTPUT, List.of(-1, arch.outputChannels(),
                        arch.gridHeight(), arch.gridWidth()))),
                new DecoderSpec("yolo2", OUTPUT, parameters), labels, metrics, Map.of());
    }

    /** The ONNX graph of {@code net} as the bundle carries it. */
    public static byte[] onnx(MultiLayerNetwork net, DetectorArchitecture arch) throws OnnxExportException {
        return new OnnxExporter().export(net, new ExportSpec(ExportSpec.DEFAULT_INPUT_NAME,
                new long[] {1, arch.inputHeight(), arch.inputWidth()}, OUTPUT));
    }

    /** Exports {@code net} and writes the bundle atomically to {@code target}. */
    public static ModelManifest write(MultiLayerNetwork net, ModelManifest manifest, DetectorArchitecture arch,
            Path target) throws OnnxExportException, IOException {
        return new BundleWriter(manifest).add(MODEL_FILE, onnx(net, arch)).write(target);
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    private static String producerVersion() {
        String v = DetectorBundle.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }
}
