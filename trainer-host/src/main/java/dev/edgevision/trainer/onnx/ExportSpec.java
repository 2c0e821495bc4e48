package dev.edgevision.trainer.onnx;

import java.util.Arrays;
import java.util.Objects;

/**
 * How the exported graph's input and output look.
 *
 * <p>The input is a float tensor whose first dimension is the symbolic batch dimension
 * {@value #BATCH_DIM}, followed by {@code sampleShape}: {@code C,H,W} (NCHW) for an image network,
 * or a single feature count for a network that starts with dense layers. The output is a float
 * tensor {@code [batch, classes]} carrying the network's last activations (class probabilities
 * when the output layer is a softmax).
 *
 * @param inputName name of the graph's input tensor
 * @param sampleShape shape of one sample, without the batch dimension
 * @param outputName name of the graph's output tensor
 */
public record ExportSpec(String inputName, long[] sampleShape, String outputName) {
    public static final String DEFAULT_INPUT_NAME = "input";
    public static final String DEFAULT_OUTPUT_NAME = "probabilities";
    public static final String BATCH_DIM = "batch";

    public ExportSpec {
        requireName(inputName, "input");
        requireName(outputName, "output");
        if (inputName.equals(outputName)) {
            throw new IllegalArgumentException("input and output need different names, both are '" + inputName + "'");
        }
        Objects.requireNonNull(sampleShape, "sampleShape");
        if (sampleShape.length == 0 || Arrays.stream(sampleShape).anyMatch(d -> d <= 0)) {
            throw new IllegalArgumentException("sample shape needs positive dimensions, got " + Arrays.toString(sampleShape));
        }
        sampleShape = sampleShape.clone();
    }

    /** An image input {@code [batch, channels, height, width]} with the default tensor names. */
    public static ExportSpec nchw(long channels, long height, long width) {
        return new ExportSpec(DEFAULT_INPUT_NAME, new long[] {channels, height, width}, DEFAULT_OUTPUT_NAME);
    }

    /** The same spec with another input tensor name. */
    public ExportSpec withInputName(String name) {
        return new ExportSpec(name, sampleShape, outputName);
    }

    /** The same spec with another output tensor name. */
    public ExportSpec withOutputName(String name) {
        return new ExportSpec(inputName, sampleShape, name);
    }

    @Override
    public long[] sampleShape() {
        return sampleShape.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExportSpec that && inputName.equals(that.inputName)
                && Arrays.equals(sampleShape, that.sampleShape) && outputName.equals(that.outputName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(inputName, Arrays.hashCode(sampleShape), outputName);
    }

    @Override
    public String toString() {
        return "ExportSpec[" + inputName + " " + Arrays.toString(sampleShape) + " -> " + outputName + "]";
    }

    private static void requireName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(what + " tensor name must not be blank");
        }
    }
}
