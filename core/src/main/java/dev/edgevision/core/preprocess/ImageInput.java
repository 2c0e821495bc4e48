package dev.edgevision.core.preprocess;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.PixelBounds;
import dev.edgevision.core.frame.PixelFormat;
import dev.edgevision.core.model.InputSpec;
import dev.edgevision.core.model.PixelScaling;
import dev.edgevision.core.model.Polarity;

/**
 * Turns a stored sample image (a calibration image of a bundle) into one model input as the
 * manifest declares. Sample images are stored in the model's own polarity, so they are never
 * inverted. An image of exactly the input's size is only scaled (colour order, layout, value
 * range); a larger one is fitted the way the device fits what its cameras see: {@code stretch} and
 * {@code letterbox} through {@link FrameResizer}, {@code mnist} by taking the mark's bounding box
 * through {@link MnistFit}. Not for the frame loop: it allocates per image.
 */
public final class ImageInput {
    private final InputSpec spec;
    private final PixelScaling scaling;

    public ImageInput(InputSpec spec) {
        this.spec = spec;
        this.scaling = PixelScaling.of(spec, Polarity.NATURAL);
    }

    /** Writes the model input for {@code image} into {@code target} at {@code offset}. */
    public void fill(Frame image, float[] target, int offset) {
        if (image.width() == spec.width() && image.height() == spec.height()) {
            scaleOnly(image, target, offset);
        } else if ("mnist".equals(spec.resize())) {
            fitMark(image, target, offset);
        } else {
            new FrameResizer(spec, spec.polarity()).fill(image, target, offset);
        }
    }

    private void scaleOnly(Frame image, float[] target, int offset) {
        int channels = spec.channels();
        int plane = spec.width() * spec.height();
        boolean nchw = !"NHWC".equals(spec.layout());
        byte[] gray = channels == 1 ? grey(image) : null;
        byte[] src = image.data();
        for (int p = 0; p < plane; p++) {
            for (int c = 0; c < channels; c++) {
                int value = gray != null ? gray[p] & 0xFF
                        : image.format() == PixelFormat.GRAY8 ? src[p] & 0xFF : src[p * 3 + byteOf(image, c)] & 0xFF;
                target[offset + (nchw ? c * plane + p : p * channels + c)] = scaling.scale(c, value);
            }
        }
    }

    /** Byte within a BGR or RGB pixel that holds model channel {@code c}. */
    private int byteOf(Frame image, int c) {
        boolean modelBgr = "bgr".equals(spec.colour());
        int rgbIndex = modelBgr ? 2 - c : c;
        return image.format() == PixelFormat.RGB24 ? rgbIndex : 2 - rgbIndex;
    }

    private void fitMark(Frame image, float[] target, int offset) {
        byte[] gray = grey(image);
        if (spec.polarity() == Polarity.LIGHT_ON_DARK) {
            for (int i = 0; i < gray.length; i++) {
                gray[i] = (byte) (255 - (gray[i] & 0xFF));
            }
        }
        new MnistFit(spec).fit(gray, image.width(), inkBox(gray, image.width(), image.height()), target, offset);
    }

    /**
     * Bounding box of the pixels darker than halfway between the image's extremes, grown by one pixel
     * so that it holds some paper for {@link MnistFit} to take its levels from (all of it if no ink).
     */
    static Region inkBox(byte[] gray, int width, int height) {
        int lo = 255;
        int hi = 0;
        for (byte b : gray) {
            lo = Math.min(lo, b & 0xFF);
            hi = Math.max(hi, b & 0xFF);
        }
        int mid = (lo + hi) / 2;
        int[] ink = hi > lo ? PixelBounds.of(width, height, i -> (gray[i] & 0xFF) < mid) : null;
        if (ink == null || ink[2] < 0) {
            return new Region(0, 0, width, height);
        }
        int left = Math.max(0, ink[0] - 1);
        int top = Math.max(0, ink[1] - 1);
        int right = Math.min(width - 1, ink[2] + 1);
        int bottom = Math.min(height - 1, ink[3] + 1);
        return new Region(left, top, right - left + 1, bottom - top + 1);
    }

    private static byte[] grey(Frame image) {
        byte[] gray = new byte[image.width() * image.height()];
        Grayscale.convert(image, gray);
        return gray;
    }
}
