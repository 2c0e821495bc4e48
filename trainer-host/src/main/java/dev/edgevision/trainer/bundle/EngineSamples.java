package dev.edgevision.trainer.bundle;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.PixelFormat;
import dev.edgevision.core.idx.DigitSet;
import dev.edgevision.core.io.PngImages;
import dev.edgevision.core.model.BundleSamples;
import dev.edgevision.core.model.BundleWriter;
import dev.edgevision.core.model.ModelManifest;
import dev.edgevision.core.preprocess.ImageInput;
import dev.edgevision.ort.OrtModel;
import dev.edgevision.ort.OrtModelException;

/**
 * The sample data a digit bundle carries for engines built on a device ({@link BundleSamples}): the
 * first {@value #CALIBRATION} held-out digits as 28x28 PNGs, white on black as the model sees them
 * (INT8 calibration), the first {@value #REFERENCE} of them pre-processed as reference inputs, and
 * what ONNX Runtime computes from those for every output (validation of the engine). About 15 kB
 * in the archive.
 */
public final class EngineSamples {
    /** Calibration images per bundle. */
    public static final int CALIBRATION = 40;
    /** Reference samples per bundle. */
    public static final int REFERENCE = 16;

    private EngineSamples() {
    }

    /** Adds samples drawn from {@code digits} (a held-out split) for the model {@code onnx} described by {@code manifest}. */
    public static BundleWriter add(BundleWriter writer, ModelManifest manifest, byte[] onnx, DigitSet digits)
            throws OrtModelException {
        int images = Math.min(CALIBRATION, digits.size());
        int references = Math.min(REFERENCE, images);
        int sample = BundleSamples.inputSampleSize(manifest);
        float[] inputs = new float[references * sample];
        ImageInput fitter = new ImageInput(manifest.input());
        for (int i = 0; i < images; i++) {
            Frame image = new Frame();
            System.arraycopy(digits.image(i), 0, image.reshape(digits.cols(), digits.rows(), PixelFormat.GRAY8), 0,
                    digits.rows() * digits.cols());
            writer.add(BundleSamples.calibrationName(i), PngImages.encode(image));
            if (i < references) {
                fitter.fill(image, inputs, i * sample);
            }
        }
        writer.add(BundleSamples.REFERENCE_INPUT, BundleSamples.bytes(inputs));
        long[] shape = {references, manifest.input().shape().get(1), manifest.input().shape().get(2),
            manifest.input().shape().get(3)};
        try (OrtModel model = OrtModel.load(onnx, 1)) {
            for (int k = 0; k < manifest.outputs().size(); k++) {
                float[] out = model.run(inputs, shape, manifest.outputs().get(k).name());
                writer.add(BundleSamples.referenceOutput(k), BundleSamples.bytes(out));
            }
        }
        return writer;
    }
}
