package dev.edgevision.trainer.detector.train;

import dev.edgevision.core.inference.ModelRunner;

/**
 * A {@link ModelRunner} over one output array the trainer filled from DL4J, so that validation
 * decodes the network's output with the very decoder a device uses on ONNX Runtime's output.
 */
final class OutputArrayRunner implements ModelRunner {
    private final String outputName;
    private final float[] output;

    OutputArrayRunner(String outputName, int outputSize) {
        this.outputName = outputName;
        this.output = new float[outputSize];
    }

    /** The array the caller fills with one sample's output before decoding. */
    float[] array() {
        return output;
    }

    @Override
    public String backend() {
        return "dl4j";
    }

    @Override
    public int maxBatch() {
        return 1;
    }

    @Override
    public float[] input() {
        return new float[0];
    }

    @Override
    public float[] run(int batch) {
        return output;
    }

    @Override
    public float[] output(String name) {
        if (!outputName.equals(name)) {
            throw new IllegalArgumentException("no output '" + name + "'; this runner holds '" + outputName + "'");
        }
        return output;
    }

    @Override
    public void close() {
    }
}
