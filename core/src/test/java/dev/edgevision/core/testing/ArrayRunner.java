package dev.edgevision.core.testing;

import dev.edgevision.core.inference.ModelRunner;
import java.util.HashMap;
import java.util.Map;

/**
 * A {@link ModelRunner} for tests whose outputs are arrays the test sets: decoders and detectors can
 * be checked on hand-made tensors without a backend. It records how many runs it served.
 */
public final class ArrayRunner implements ModelRunner {
    private final float[] input;
    private final String decoderOutput;
    private final Map<String, float[]> outputs = new HashMap<>();
    private int runs;
    private boolean closed;

    /**
     * @param inputSize floats of one input sample
     * @param decoderOutput the output {@link #run} returns
     */
    public ArrayRunner(int inputSize, String decoderOutput) {
        this.input = new float[inputSize];
        this.decoderOutput = decoderOutput;
    }

    /** Sets what output {@code name} holds after every run. */
    public ArrayRunner set(String name, float[] values) {
        outputs.put(name, values);
        return this;
    }

    @Override
    public String backend() {
        return "arrays";
    }

    @Override
    public int maxBatch() {
        return 1;
    }

    @Override
    public float[] input() {
        return input;
    }

    @Override
    public float[] run(int batch) {
        runs++;
        return output(decoderOutput);
    }

    @Override
    public float[] output(String name) {
        float[] values = outputs.get(name);
        if (values == null) {
            throw new IllegalArgumentException("no output '" + name + "'");
        }
        return values;
    }

    public int runs() {
        return runs;
    }

    public boolean closed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
    }
}
