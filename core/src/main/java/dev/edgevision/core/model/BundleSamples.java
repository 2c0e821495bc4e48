package dev.edgevision.core.model;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.io.PngImages;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sample data a bundle may carry so that a device can build and check an engine without any
 * other data (all optional, all listed in the manifest's {@code files} with their hashes):
 * <ul>
 *   <li>{@code calibration/*.png}: images as the model sees them, in the model's own polarity
 *       (for the digit classifier: MNIST test digits, white on black, 28x28), for INT8 calibration;
 *   <li>{@code reference/input.f32}: pre-processed inputs, {@code N} samples in the manifest's input
 *       layout, little-endian float32;
 *   <li>{@code reference/output-K.f32}: what ONNX Runtime computed from them for the manifest's
 *       K-th output, same encoding, written when the bundle was made.
 * </ul>
 */
public final class BundleSamples {
    /** Folder of the calibration images inside a bundle. */
    public static final String CALIBRATION_PREFIX = "calibration/";
    /** The reference inputs inside a bundle. */
    public static final String REFERENCE_INPUT = "reference/input.f32";

    private BundleSamples() {
    }

    /** Entry name of the reference values of the manifest's {@code index}-th output. */
    public static String referenceOutput(int index) {
        return "reference/output-" + index + ".f32";
    }

    /** Entry name of the {@code index}-th calibration image. */
    public static String calibrationName(int index) {
        return String.format("%s%03d.png", CALIBRATION_PREFIX, index);
    }

    /** Names of the calibration images the manifest lists, in name order. */
    public static List<String> calibrationNames(ModelManifest manifest) {
        return manifest.files().keySet().stream().filter(n -> n.startsWith(CALIBRATION_PREFIX) && n.endsWith(".png"))
                .sorted().toList();
    }

    /** Decodes every calibration image; one that is not an image is an error naming it. */
    public static List<Frame> calibrationImages(ModelBundle bundle) throws BundleException {
        List<Frame> images = new ArrayList<>();
        for (String name : calibrationNames(bundle.manifest())) {
            try {
                images.add(PngImages.decode(bundle.file(name)));
            } catch (IOException e) {
                throw new BundleException(bundle.path(), name + " is not a readable image (" + e.getMessage()
                        + "); re-export the bundle");
            }
        }
        return images;
    }

    /** Values per sample of the manifest's input (channels x height x width). */
    public static int inputSampleSize(ModelManifest manifest) {
        InputSpec in = manifest.input();
        return in.channels() * in.height() * in.width();
    }

    /** Values per sample of the manifest's {@code index}-th output (all dimensions but the batch). */
    public static int outputSampleSize(ModelManifest manifest, int index) {
        List<Integer> shape = manifest.outputs().get(index).shape();
        int size = 1;
        for (int i = 1; i < shape.size(); i++) {
            size *= shape.get(i);
        }
        return size;
    }

    /** The reference inputs, or empty when the bundle carries none. */
    public static Optional<float[]> referenceInput(ModelBundle bundle) throws BundleException {
        return tensor(bundle, REFERENCE_INPUT, inputSampleSize(bundle.manifest()));
    }

    /** The stored reference values of output {@code index}, or empty when the bundle carries none. */
    public static Optional<float[]> referenceOutput(ModelBundle bundle, int index) throws BundleException {
        return tensor(bundle, referenceOutput(index), outputSampleSize(bundle.manifest(), index));
    }

    private static Optional<float[]> tensor(ModelBundle bundle, String name, int sampleSize) throws BundleException {
        byte[] bytes = bundle.file(name);
        if (bytes == null) {
            return Optional.empty();
        }
        if (bytes.length == 0 || bytes.length % (Float.BYTES * sampleSize) != 0) {
            throw new BundleException(bundle.path(), name + " holds " + bytes.length + " bytes, not a whole number of"
                    + " samples of " + sampleSize + " float32 values; re-export the bundle");
        }
        return Optional.of(floats(bytes));
    }

    /** Little-endian float32 bytes of {@code values}. */
    public static byte[] bytes(float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return buffer.array();
    }

    /** The float32 values of little-endian {@code bytes}. */
    public static float[] floats(byte[] bytes) {
        float[] values = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }
}
