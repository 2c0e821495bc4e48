package dev.edgevision.trainer.quantize;

import dev.edgevision.core.model.BundleException;
import dev.edgevision.core.model.BundleWriter;
import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.core.model.ModelManifest;
import dev.edgevision.core.model.Quantization;
import dev.edgevision.core.model.Task;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The int8 variant of a detector bundle: the same manifest (input, decoder, labels) over the
 * quantised graph, with {@code quantization} saying how it was made and the version marked
 * {@code -int8}. Only the graph is carried over: reference outputs or calibration images a source
 * bundle may hold describe the float graph. Scores of the float model are not copied either; the
 * network's size is.
 */
public final class Int8Variant {
    /** Metrics of the source bundle that describe the network rather than its scores. */
    private static final List<String> KEPT_METRICS = List.of("parameters", "multiply_adds");

    private Int8Variant() {
    }

    private static String round(double p) {
        return java.math.BigDecimal.valueOf(p).round(new java.math.MathContext(8)).stripTrailingZeros().toPlainString();
    }

    /** Refuses bundles that are not float detector bundles, naming the bundle and what it is. */
    public static void requireFloatDetector(ModelBundle source) throws BundleException {
        ModelManifest m = source.manifest();
        if (m.task() != Task.DETECTION) {
            throw new BundleException(source.path(), "task is " + m.task().wireName() + "; quantize makes int8"
                    + " variants of detector bundles (task detection), such as models/digit-detector.vbundle");
        }
        if (m.quantization() != null) {
            throw new BundleException(source.path(), "is already quantised (precision " + m.precision()
                    + "); give the float bundle it was made from");
        }
        if (m.input().shape().size() != 4 || !"NCHW".equals(m.input().layout())) {
            throw new BundleException(source.path(), "input is " + m.input().layout() + " " + m.input().shape()
                    + "; the quantiser takes NCHW detector graphs");
        }
    }

    /**
     * Quantises {@code source}'s graph on {@code inputs} and writes the variant to {@code target}.
     *
     * @param version the variant's model version, or null for the source's with {@code -int8}
     */
    public static ModelManifest write(ModelBundle source, CalibrationInputs inputs, String version, int threads,
            Path target) throws BundleException, QuantizationException, IOException {
        return write(source, inputs, version, threads, 100, target);
    }

    /** As {@link #write(ModelBundle, CalibrationInputs, String, int, Path)} with percentile ranges (100: min/max). */
    public static ModelManifest write(ModelBundle source, CalibrationInputs inputs, String version, int threads,
            double percentile, Path target) throws BundleException, QuantizationException, IOException {
        requireFloatDetector(source);
        ModelManifest m = source.manifest();
        long[] sample = {m.input().channels(), m.input().height(), m.input().width()};
        byte[] graph;
        try {
            graph = GraphQuantizer.quantize(source.modelBytes(), sample, inputs, threads, percentile);
        } catch (QuantizationException e) {
            throw new BundleException(source.path(), e.getMessage(), e);
        }
        Quantization quantization = new Quantization(Quantization.INT8, Quantization.QDQ,
                "int8 symmetric, one scale per output channel; the output convolution stays float",
                "uint8 asymmetric, one scale per tensor",
                (percentile == 100 ? "min/max" : "percentiles " + round(100 - percentile) + "-" + round(percentile))
                        + " over " + inputs.describe(), source.modelSha256());
        Map<String, Object> metrics = new LinkedHashMap<>();
        if (m.metrics() != null) {
            KEPT_METRICS.stream().filter(m.metrics()::containsKey).forEach(k -> metrics.put(k, m.metrics().get(k)));
        }
        metrics.put("calibration_scenes", inputs.count());
        ModelManifest variant = new ModelManifest(m.formatVersion(), m.name(),
                version != null ? version : m.version() + "-int8", m.task(),
                (m.description() == null ? "" : m.description() + " ") + "(int8 variant)",
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), "trainer-host quantize", m.modelFile(),
                m.input(), m.outputs(), m.decoder(), m.labels(), metrics, Map.of(), null, null, quantization);
        return new BundleWriter(variant).add(m.modelFile(), graph).write(target);
    }
}
