package dev.edgevision.core.inference;

import java.util.List;

/**
 * The output arrays of a {@link ModelRunner}: one per output the model declares, each with room
 * for the largest batch, allocated once and found by name. A backend copies each run's results
 * into {@link #array(int)} and answers {@link ModelRunner#output(String)} with {@link #output(String)}.
 */
public final class RunnerOutputs {
    private final List<String> names;
    private final int[] sampleSizes;
    private final float[][] arrays;

    /**
     * @param names the outputs, in the order the backend binds them
     * @param sampleSizes how many values one sample of each output holds, in the same order
     * @param maxBatch most samples one run takes
     */
    public RunnerOutputs(List<String> names, int[] sampleSizes, int maxBatch) {
        if (names.size() != sampleSizes.length) {
            throw new IllegalArgumentException(names.size() + " output names but " + sampleSizes.length
                    + " sample sizes");
        }
        this.names = List.copyOf(names);
        this.sampleSizes = sampleSizes.clone();
        this.arrays = new float[sampleSizes.length][];
        for (int i = 0; i < arrays.length; i++) {
            arrays[i] = new float[maxBatch * sampleSizes[i]];
        }
    }

    /** The output names, in binding order. */
    public List<String> names() {
        return names;
    }

    /** Number of outputs. */
    public int count() {
        return arrays.length;
    }

    /** Values in one sample of output {@code i}. */
    public int sampleSize(int i) {
        return sampleSizes[i];
    }

    /** The array of output {@code i}, batch first, for the backend to fill. */
    public float[] array(int i) {
        return arrays[i];
    }

    /**
     * The array of output {@code name}.
     *
     * @throws IllegalArgumentException when the model has no output of that name
     */
    public float[] output(String name) {
        int index = names.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("the model has no output '" + name + "'; it has " + names);
        }
        return arrays[index];
    }
}
