package dev.edgevision.tensorrt.build;

import dev.edgevision.core.model.InputSpec;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The input shapes an engine is built for: the manifest's input with its batch dimension ranging
 * from {@code min} to {@code max} and tuned for {@code opt}. A fixed batch in the manifest fixes all three.
 *
 * @param name the input tensor's name
 * @param sample the dimensions after the batch (channels, height, width in the manifest's layout)
 * @param min smallest batch
 * @param opt batch the kernels are tuned for
 * @param max largest batch
 * @param dynamic whether the model's batch dimension is dynamic (-1), so shapes must be given to the builder
 */
public record InputProfile(String name, List<Long> sample, int min, int opt, int max, boolean dynamic) {
    /** Batch the kernels are tuned for when the batch is dynamic: a few regions per frame is typical. */
    static final int TYPICAL_BATCH = 4;

    public InputProfile {
        sample = List.copyOf(sample);
        if (min < 1 || opt < min || max < opt) {
            throw new IllegalArgumentException("batch range must satisfy 1 <= min <= opt <= max, got " + min + ", "
                    + opt + ", " + max);
        }
    }

    /**
     * The profile for {@code input}: batches 1..{@code maxBatch} when its batch is dynamic (-1), its own
     * batch otherwise.
     *
     * @throws IllegalArgumentException when a dimension other than the batch is not fixed
     */
    public static InputProfile of(InputSpec input, int maxBatch) {
        List<Integer> shape = input.shape();
        for (int i = 1; i < shape.size(); i++) {
            if (shape.get(i) <= 0) {
                throw new IllegalArgumentException("input.shape " + shape + " has a dynamic dimension other than the"
                        + " batch; the TensorRT backend needs fixed channels, height and width");
            }
        }
        List<Long> sample = shape.subList(1, shape.size()).stream().map(Integer::longValue).toList();
        int batch = shape.get(0);
        if (batch > 0) {
            return new InputProfile(input.name(), sample, batch, batch, batch, false);
        }
        return new InputProfile(input.name(), sample, 1, Math.min(TYPICAL_BATCH, maxBatch), maxBatch, true);
    }

    /** The full shape for {@code batch} samples. */
    public long[] dims(int batch) {
        long[] dims = new long[sample.size() + 1];
        dims[0] = batch;
        for (int i = 0; i < sample.size(); i++) {
            dims[i + 1] = sample.get(i);
        }
        return dims;
    }

    /** Values in one sample. */
    public long sampleSize() {
        return sample.stream().reduce(1L, (a, b) -> a * b);
    }

    /** {@code 1x1x28x28}: the shape for {@code batch} as trtexec writes shapes. */
    public String shapeText(int batch) {
        return batch + "x" + sample.stream().map(String::valueOf).collect(Collectors.joining("x"));
    }

    /** {@code input:1x1x28x28,4x1x28x28,32x1x28x28}: name and min, opt, max shapes, as cache keys record it. */
    public String describe() {
        return name + ":" + shapeText(min) + "," + shapeText(opt) + "," + shapeText(max);
    }
}
