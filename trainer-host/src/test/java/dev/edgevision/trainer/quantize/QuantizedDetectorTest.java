package dev.edgevision.trainer.quantize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.edgevision.core.idx.DigitSet;
import dev.edgevision.core.idx.IdxFolder;
import dev.edgevision.core.model.InputSpec;
import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.core.model.ModelManifest;
import dev.edgevision.core.model.Polarity;
import dev.edgevision.core.model.Quantization;
import dev.edgevision.trainer.bundle.DetectorBundle;
import dev.edgevision.trainer.detector.net.DetectorArchitecture;
import dev.edgevision.trainer.detector.net.DetectorNetwork;
import dev.edgevision.trainer.detector.train.DigitSceneSamples;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import onnx.Onnx.ModelProto;
import onnx.Onnx.NodeProto;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.schedule.FixedSchedule;

/**
 * The int8 graph of a small detector whose batch normalisations hold non-trivial statistics: it
 * loads in ONNX Runtime, every convolution but the float head runs as QLinearConv, and on scenes it was not
 * calibrated on its raw output stays within a few quantisation steps of the float graph's.
 */
class QuantizedDetectorTest {
    static final Path MNIST = Path.of("..", "datasets", "mnist-9k");
    /**
     * Tolerance: the mean absolute difference between the int8 and float raw outputs is at most 1 %
     * of the float output's range over the six scenes, the largest at most 6 % (measured: 0.4 % and
     * 2.9 %). Five convolutions each round activations to 1/255 of their range and weights to 1/127
     * of each channel's largest; a graph that dropped a bias or misplaced a scale is off by tens of
     * per cent.
     */
    static final double MEAN_TOLERANCE = 0.01;
    static final double MAX_TOLERANCE = 0.06;
    static final DetectorArchitecture ARCH = new DetectorArchitecture(64, 48, List.of(6, 8, 12), 1,
            List.of(new double[] {1, 1.5}, new double[] {2, 2}), 10);

    static DigitSet digits;
    static byte[] floatGraph;
    static byte[] int8Graph;

    @TempDir
    Path dir;

    @BeforeAll
    static void quantise() throws Exception {
        digits = IdxFolder.scan(MNIST).train().read();
        MultiLayerNetwork net = DetectorNetwork.create(ARCH, 11, new FixedSchedule(1e-3));
        randomiseBatchNorm(net, new Random(5));
        floatGraph = DetectorBundle.onnx(net, ARCH);
        int8Graph = GraphQuantizer.quantize(floatGraph, new long[] {1, 48, 64},
                new CalibrationScenes(digits, input(), 24, 1), 1);
    }

    static InputSpec input() {
        return DetectorBundle.manifest(ARCH, DigitSceneSamples.CLASSES, Polarity.DARK_ON_LIGHT, "t", "1", "", Map.of())
                .input();
    }

    /** Running statistics and scales far from DL4J's initial ones, so that folding them matters. */
    static void randomiseBatchNorm(MultiLayerNetwork net, Random random) {
        for (Layer layer : net.getLayers()) {
            Map<String, INDArray> params = layer.paramTable();
            if (!params.containsKey("mean")) {
                continue;
            }
            for (String key : List.of("gamma", "beta", "mean", "var", "log10stdev")) {
                INDArray p = params.get(key);
                if (p == null) {
                    continue;
                }
                float[] v = new float[(int) p.length()];
                for (int i = 0; i < v.length; i++) {
                    double g = random.nextGaussian();
                    v[i] = (float) switch (key) {
                        case "gamma" -> 0.5 + random.nextDouble();
                        case "var" -> 0.2 + random.nextDouble();
                        case "log10stdev" -> -0.3 + 0.3 * random.nextDouble();
                        default -> 0.3 * g;
                    };
                }
                layer.setParam(key, Nd4j.create(v, p.shape()).castTo(p.dataType()));
            }
        }
    }

    @Test
    void everyConvolutionButTheHeadRunsAsQLinearConv() throws Exception {
        Path optimised = Files.createTempFile("qdq-optimised", ".onnx");
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.EXTENDED_OPT);
            options.setOptimizedModelFilePath(optimised.toString());
            OrtEnvironment.getEnvironment().createSession(int8Graph, options).close();
        }
        Map<String, Integer> ops = opCounts(ModelProto.parseFrom(Files.readAllBytes(optimised)));
        Files.deleteIfExists(optimised);
        int convs = opCounts(ModelProto.parseFrom(floatGraph)).get("Conv");
        assertEquals(convs - 1, ops.getOrDefault("QLinearConv", 0), "fused convolutions: " + ops);
        assertEquals(1, ops.getOrDefault("Conv", 0), "the head alone stays float: " + ops);
        assertEquals(convs - 1, ops.getOrDefault("QLinearLeakyRelu", 0), "fused activations: " + ops);
        assertFalse(ops.containsKey("Mul") || ops.containsKey("Add"), "batch norm folded: " + ops);
    }

    @Test
    void staysCloseToTheFloatGraphOnScenesItWasNotCalibratedOn() throws Exception {
        CalibrationScenes fixed = new CalibrationScenes(digits, input(), 6, 10_000);
        float[] x = new float[48 * 64];
        double sumAbs = 0;
        double maxAbs = 0;
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        long n = 0;
        for (int i = 0; i < fixed.count(); i++) {
            fixed.fill(i, x);
            float[] expected = run(floatGraph, x);
            float[] actual = run(int8Graph, x);
            assertEquals(expected.length, actual.length);
            for (int j = 0; j < expected.length; j++) {
                double d = Math.abs(expected[j] - actual[j]);
                sumAbs += d;
                maxAbs = Math.max(maxAbs, d);
                lo = Math.min(lo, expected[j]);
                hi = Math.max(hi, expected[j]);
                n++;
            }
        }
        double range = hi - lo;
        System.out.printf("int8 vs float: mean |diff| %.4f, max %.4f, float output range %.3f%n", sumAbs / n, maxAbs,
                range);
        assertTrue(range > 0.1, "the float output varies: " + range);
        assertTrue(sumAbs / n <= MEAN_TOLERANCE * range, "mean |diff| " + sumAbs / n + " of range " + range);
        assertTrue(maxAbs <= MAX_TOLERANCE * range, "max |diff| " + maxAbs + " of range " + range);
        assertTrue(sumAbs > 0, "the int8 graph computes something else than the float one bit for bit");
    }

    @Test
    void theVariantBundleSaysItIsInt8AndKeepsTheDecoder() throws Exception {
        Path source = dir.resolve("detector.vbundle");
        MultiLayerNetwork net = DetectorNetwork.create(ARCH, 11, new FixedSchedule(1e-3));
        ModelManifest floatManifest = DetectorBundle.manifest(ARCH, DigitSceneSamples.CLASSES, Polarity.DARK_ON_LIGHT,
                "tiny", "4", "tiny detector", Map.of("parameters", 123, "test_map50", 0.5));
        DetectorBundle.write(net, floatManifest, ARCH, source);
        ModelBundle bundle = ModelBundle.open(source);
        Path target = dir.resolve("detector-int8.vbundle");
        Int8Variant.write(bundle, new CalibrationScenes(digits, input(), 3, 1), null, 1, target);
        ModelManifest m = ModelBundle.open(target).manifest();
        assertEquals("int8", m.precision());
        assertEquals(Quantization.QDQ, m.quantization().format());
        assertEquals(bundle.modelSha256(), m.quantization().floatModelSha256());
        assertEquals("4-int8", m.version());
        assertEquals(floatManifest.decoder(), m.decoder());
        assertEquals(floatManifest.input(), m.input());
        assertEquals(Map.of("parameters", 123, "calibration_scenes", 3), m.metrics(), "scores of the float model dropped");
    }

    private static float[] run(byte[] graph, float[] x) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            try (OrtSession session = env.createSession(graph, options);
                 OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {1, 1, 48, 64});
                 OrtSession.Result r = session.run(Map.of("input", t))) {
                FloatBuffer out = ((OnnxTensor) r.get(0)).getFloatBuffer();
                float[] values = new float[out.remaining()];
                out.get(values);
                return values;
            }
        }
    }

    static Map<String, Integer> opCounts(ModelProto model) {
        Map<String, Integer> ops = new TreeMap<>();
        for (NodeProto node : model.getGraph().getNodeList()) {
            ops.merge(node.getOpType(), 1, Integer::sum);
        }
        return ops;
    }
}
