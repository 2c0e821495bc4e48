package dev.edgevision.trainer.onnx;

import org.deeplearning4j.nn.conf.CNN2DFormat;

/** Checks shared by the layers that work on images. */
final class Spatial {
    private Spatial() {
    }

    /**
     * The layer must compute in the layout DL4J's activations have where it sits (NCHW, or NHWC
     * between {@code ChannelLayoutSwap}s) and receive a {@code [C, H, W]} sample of the
     * channels-first graph.
     */
    static void requireNchw(LayerContext layer, CNN2DFormat format, GraphValue input) throws OnnxExportException {
        CNN2DFormat declared = format == null ? CNN2DFormat.NCHW : format;
        if (declared != layer.dl4jLayout()) {
            throw layer.fail("data format " + declared + " is not supported here; only NCHW (channels first), or NHWC"
                    + " between ChannelLayoutSwap preprocessors (this layer receives " + layer.dl4jLayout() + ")");
        }
        if (input.rank() != 3) {
            throw layer.fail("expects an image [C, H, W] per sample but receives " + input.describeShape());
        }
    }
}
