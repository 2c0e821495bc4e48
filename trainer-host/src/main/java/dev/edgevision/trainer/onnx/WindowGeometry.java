package dev.edgevision.trainer.onnx;

import java.util.Arrays;
import org.deeplearning4j.nn.conf.ConvolutionMode;

/**
 * Where a 2-D sliding window (convolution or pooling) reads its input, resolved for a known
 * input height and width into ONNX's explicit {@code pads} and the output size.
 *
 * <p>Truncate and Strict use the configured symmetric padding and round the output size down.
 * Same ignores the configured padding: the output is {@code ceil(in / stride)} and the padding
 * needed for it is split as DL4J splits it, the smaller half at the top/left and any odd pixel at
 * the bottom/right (ONNX's SAME_UPPER, written out explicitly because TensorRT prefers it).
 *
 * @param kernel kernel height and width
 * @param strides stride along height and width
 * @param dilations dilation along height and width
 * @param pads ONNX order: top, left, bottom, right
 * @param outHeight output height
 * @param outWidth output width
 */
record WindowGeometry(int[] kernel, int[] strides, int[] dilations, int[] pads, long outHeight, long outWidth) {

    /** Resolves a DL4J window configuration over an input of {@code height x width}. */
    static WindowGeometry resolve(LayerContext layer, ConvolutionMode mode, int[] kernel, int[] strides, int[] padding,
                                  int[] dilations, long height, long width) throws OnnxExportException {
        requirePairs(layer, kernel, strides, padding, dilations);
        long[] in = {height, width};
        int[] pads = new int[4];
        long[] out = new long[2];
        for (int axis = 0; axis < 2; axis++) {
            long effectiveKernel = (long) (kernel[axis] - 1) * dilations[axis] + 1;
            if (mode == ConvolutionMode.Same) {
                out[axis] = Math.floorDiv(in[axis] + strides[axis] - 1, strides[axis]);
                long total = Math.max(0, (out[axis] - 1) * strides[axis] + effectiveKernel - in[axis]);
                pads[axis] = (int) (total / 2);
                pads[axis + 2] = (int) (total - total / 2);
            } else if (mode == ConvolutionMode.Truncate || mode == ConvolutionMode.Strict) {
                out[axis] = Math.floorDiv(in[axis] + 2L * padding[axis] - effectiveKernel, strides[axis]) + 1;
                pads[axis] = padding[axis];
                pads[axis + 2] = padding[axis];
            } else {
                throw layer.fail("convolution mode " + mode + " is not supported; supported: Truncate, Strict, Same");
            }
            if (out[axis] < 1) {
                throw layer.fail("the window " + Arrays.toString(kernel) + " does not fit the input "
                        + height + "x" + width);
            }
        }
        return new WindowGeometry(kernel, strides, dilations, pads, out[0], out[1]);
    }

    boolean isDilated() {
        return dilations[0] != 1 || dilations[1] != 1;
    }

    private static void requirePairs(LayerContext layer, int[]... settings) throws OnnxExportException {
        for (int[] setting : settings) {
            if (setting.length != 2) {
                throw layer.fail("expected 2-D window settings, got " + Arrays.toString(setting));
            }
        }
    }
}
