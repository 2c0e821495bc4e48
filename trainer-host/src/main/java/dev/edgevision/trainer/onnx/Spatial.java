package dev.edgevision.trainer.onnx;

import org.deeplearning4j.nn.conf.CNN2DFormat;

/** Checks shared by the layers that work on images. */
final class Spatial {
    private Spatial() {
    }

    /** The layer must be configured for NCHW and receive a {@code [C, H, W]} sample. */
    static void requireNchw(LayerContext layer, CNN2DFormat format, GraphValue input) throws OnnxExportException {
        if (format != null && format != CNN2DFormat.NCHW) {
            throw layer.fail("data format " + format + " is not supported; only NCHW (channels first)");
        }
        if (input.rank() != 3) {
            throw layer.fail("expects an image [C, H, W] per sample but receives " + input.describeShape());
        }
    }
}
