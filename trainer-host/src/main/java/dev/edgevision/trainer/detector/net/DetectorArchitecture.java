package dev.edgevision.trainer.detector.net;

import java.util.List;

/**
 * Shape of a single-shot grid detector: a grayscale input, a stack of 3x3 convolution stages (each
 * batch-norm and leaky ReLU, a 2x2 max-pool after every stage but the last), optionally more 3x3
 * layers at the last stage's width and stride ("context" layers: each widens the receptive field by
 * two cells, so that a digit larger than the stages alone see is still seen whole), a 1x1 convolution to
 * {@code anchors * (5 + classes)} channels and a YOLOv2 output on a grid of
 * {@code width / stride x height / stride} cells.
 *
 * @param inputWidth input width in pixels, a multiple of {@link #stride()}
 * @param inputHeight input height in pixels, a multiple of {@link #stride()}
 * @param widths output channels of each 3x3 stage
 * @param contextConvs 3x3 conv/batch-norm/leaky-ReLU layers added after the last stage, at its width
 * @param anchors prior box sizes {@code [w, h]} in grid cells
 * @param classes number of classes
 */
public record DetectorArchitecture(int inputWidth, int inputHeight, List<Integer> widths, int contextConvs,
        List<double[]> anchors, int classes) {

    /** Slope of the leaky ReLU's negative side. */
    public static final double LEAKY_SLOPE = 0.1;

    public DetectorArchitecture {
        widths = List.copyOf(widths);
        anchors = List.copyOf(anchors);
        if (widths.size() < 2) {
            throw new IllegalArgumentException("a detector needs at least two convolution stages, got " + widths);
        }
        int stride = 1 << (widths.size() - 1);
        if (inputWidth <= 0 || inputHeight <= 0 || inputWidth % stride != 0 || inputHeight % stride != 0) {
            throw new IllegalArgumentException("input " + inputWidth + "x" + inputHeight
                    + " must be a positive multiple of the network's stride " + stride);
        }
        if (contextConvs < 0) {
            throw new IllegalArgumentException("context layers must not be negative, got " + contextConvs);
        }
        if (anchors.isEmpty() || classes < 1) {
            throw new IllegalArgumentException("a detector needs at least one anchor and one class");
        }
    }

    /** An architecture without context layers. */
    public DetectorArchitecture(int inputWidth, int inputHeight, List<Integer> widths, List<double[]> anchors,
            int classes) {
        this(inputWidth, inputHeight, widths, 0, anchors, classes);
    }

    /** Width of the receptive field of one output cell, in input pixels. */
    public int receptiveField() {
        int field = 1;
        int jump = 1;
        for (int i = 0; i < widths.size(); i++) {
            field += 2 * jump;
            if (i < widths.size() - 1) {
                field += jump;
                jump *= 2;
            }
        }
        return field + 2 * jump * contextConvs;
    }

    /**
     * The network the project's training-speed comparison uses (and {@code torch_reference_train.py}
     * builds): 256x192, stages of 16, 32, 64, 128 and 128 channels, five anchors, ten classes.
     */
    public static DetectorArchitecture reference(int width, int height) {
        return new DetectorArchitecture(width, height, List.of(16, 32, 64, 128, 128), List.of(
                new double[] {0.6, 1.0}, new double[] {1.0, 1.6}, new double[] {1.6, 2.4},
                new double[] {2.4, 3.6}, new double[] {3.6, 5.2}), 10);
    }

    /** Input pixels per grid cell on each axis. */
    public int stride() {
        return 1 << (widths.size() - 1);
    }

    /** Grid columns. */
    public int gridWidth() {
        return inputWidth / stride();
    }

    /** Grid rows. */
    public int gridHeight() {
        return inputHeight / stride();
    }

    /** Channels of the raw output: {@code anchors * (5 + classes)}. */
    public int outputChannels() {
        return anchors.size() * (5 + classes);
    }

    /** Multiply-adds of one forward pass over one image. */
    public long multiplyAdds() {
        long total = 0;
        int w = inputWidth;
        int h = inputHeight;
        int in = 1;
        for (int i = 0; i < widths.size(); i++) {
            total += (long) w * h * in * widths.get(i) * 9;
            in = widths.get(i);
            if (i < widths.size() - 1) {
                w /= 2;
                h /= 2;
            }
        }
        total += (long) w * h * in * in * 9 * contextConvs;
        return total + (long) w * h * in * outputChannels();
    }

    /** Trainable parameters, counting batch-norm's scale and shift. */
    public long parameters() {
        long total = 0;
        int in = 1;
        for (int width : widths) {
            total += (long) in * width * 9 + 2L * width;
            in = width;
        }
        total += ((long) in * in * 9 + 2L * in) * contextConvs;
        return total + (long) in * outputChannels() + outputChannels();
    }
}
