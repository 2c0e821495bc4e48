package dev.edgevision.trainer.onnx;

import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;

/**
 * A {@link BatchNormalization} at inference, after a convolution ({@code [C, H, W]} samples,
 * NCHW) or a dense layer ({@code [C]} samples), folded into a per-channel Mul and Add.
 *
 * <p>DL4J normalises with its running statistics: {@code y = gamma * (x - mean) / sqrt(var + eps)
 * + beta}, where {@code var} is either stored directly or, with {@code useLogStd}, as
 * {@code log10(stdev)}. With {@code lockGammaBeta} gamma and beta are the configured constants,
 * which DL4J's built-in path applies only when both differ from their defaults (1 and 0) while
 * its helpers always apply them; configurations where exactly one differs are therefore refused.
 * DL4J ignores a batch normalisation layer's activation function, and so does the export.
 */
final class BatchNormExporter implements LayerExporter {

    @Override
    public GraphValue export(LayerContext layer, GraphValue input) throws OnnxExportException {
        BatchNormalization conf = layer.conf(BatchNormalization.class);
        if (input.rank() == 3) {
            Spatial.requireNchw(layer, conf.getCnn2DFormat(), input);
        } else if (input.rank() != 1) {
            throw layer.fail("expects [C] or [C, H, W] samples but receives " + input.describeShape());
        }
        long channels = input.dim(0);
        if (channels != conf.getNOut()) {
            throw layer.fail("normalises " + conf.getNOut() + " channels but receives " + input.describeShape());
        }
        double[] scale = scale(layer, conf, channels);
        double[] shift = shift(layer, conf, scale, channels);
        long[] broadcast = input.rank() == 3 ? new long[] {channels, 1, 1} : new long[] {channels};
        String scaled = layer.name("bn_scaled");
        String output = layer.name("bn");
        OnnxGraphBuilder graph = layer.graph();
        graph.addNode("Mul", List.of(input.name(), graph.addInitializer(output + ".scale", broadcast, floats(scale))), scaled);
        graph.addNode("Add", List.of(scaled, graph.addInitializer(output + ".shift", broadcast, floats(shift))), output);
        return new GraphValue(output, input.shape());
    }

    /** {@code gamma / sqrt(var + eps)} per channel. */
    private static double[] scale(LayerContext layer, BatchNormalization conf, long channels) throws OnnxExportException {
        double[] variance = variance(layer, conf, channels);
        double[] gamma = gammaBeta(layer, conf, "gamma", channels);
        double[] scale = new double[variance.length];
        for (int c = 0; c < scale.length; c++) {
            scale[c] = gamma[c] / Math.sqrt(variance[c] + conf.getEps());
        }
        return scale;
    }

    /** {@code beta - mean * scale} per channel. */
    private static double[] shift(LayerContext layer, BatchNormalization conf, double[] scale, long channels)
            throws OnnxExportException {
        float[] mean = layer.param("mean", channels);
        double[] beta = gammaBeta(layer, conf, "beta", channels);
        double[] shift = new double[scale.length];
        for (int c = 0; c < shift.length; c++) {
            shift[c] = beta[c] - mean[c] * scale[c];
        }
        return shift;
    }

    private static double[] variance(LayerContext layer, BatchNormalization conf, long channels)
            throws OnnxExportException {
        if (!conf.isUseLogStd()) {
            return doubles(layer.param("var", channels));
        }
        double[] variance = doubles(layer.param("log10stdev", channels));
        for (int c = 0; c < variance.length; c++) {
            double stdev = Math.pow(10, variance[c]);
            variance[c] = stdev * stdev;
        }
        return variance;
    }

    private static double[] gammaBeta(LayerContext layer, BatchNormalization conf, String key, long channels)
            throws OnnxExportException {
        if (!conf.isLockGammaBeta()) {
            return doubles(layer.param(key, channels));
        }
        boolean gammaSet = conf.getGamma() != 1.0;
        boolean betaSet = conf.getBeta() != 0.0;
        if (gammaSet != betaSet) {
            throw layer.fail("lockGammaBeta with gamma " + conf.getGamma() + " and beta " + conf.getBeta()
                    + " is not supported: DL4J's built-in path applies locked constants only when gamma != 1"
                    + " and beta != 0, its oneDNN/cuDNN helpers always do, so the result depends on the backend");
        }
        double value = key.equals("gamma") ? conf.getGamma() : conf.getBeta();
        double[] constant = new double[(int) channels];
        Arrays.fill(constant, value);
        return constant;
    }

    private static double[] doubles(float[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }

    private static float[] floats(double[] values) {
        float[] result = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (float) values[i];
        }
        return result;
    }
}
