package dev.edgevision.trainer.testsets;

import dev.edgevision.core.idx.DigitSet;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * One MNIST-format bitmap scaled up the simple way a script does it: Java2D's bicubic resampling
 * of the 28x28 grey image, turned about its centre, into a coverage map (0..1). The box is the
 * pixels of at least half coverage, so it is the visible ink of the soft, scaled-up strokes.
 */
final class DigitStamp {
    final float[] alpha;
    final int width;
    final int height;
    /** Tight box of the half-coverage pixels within the stamp: left, top, right (exclusive), bottom (exclusive). */
    final int left;
    final int top;
    final int right;
    final int bottom;

    private DigitStamp(float[] alpha, int width, int height, int[] box) {
        this.alpha = alpha;
        this.width = width;
        this.height = height;
        this.left = box[0];
        this.top = box[1];
        this.right = box[2];
        this.bottom = box[3];
    }

    /** Whether the stamp has any ink of at least half coverage. */
    boolean inked() {
        return right > left && bottom > top;
    }

    /** Digit {@code index} of {@code digits} with its ink {@code inkHeight} px tall, turned by {@code radians}. */
    static DigitStamp of(DigitSet digits, int index, double inkHeight, double radians, double slant) {
        int rows = digits.rows();
        int cols = digits.cols();
        BufferedImage source = new BufferedImage(cols, rows, BufferedImage.TYPE_BYTE_GRAY);
        System.arraycopy(digits.image(index), 0, ((DataBufferByte) source.getRaster().getDataBuffer()).getData(), 0,
                rows * cols);
        int[] ink = digits.inkBounds(index, 128);
        double inkRows = ink[2] < 0 ? rows : ink[3] - ink[1] + 1;
        double scale = inkHeight / inkRows;
        int size = (int) Math.ceil(Math.hypot(rows, cols) * scale * 1.3) + 4;
        BufferedImage target = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = target.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        AffineTransform t = new AffineTransform();
        t.translate(size / 2.0, size / 2.0);
        t.rotate(radians);
        t.shear(-slant, 0);
        t.scale(scale, scale);
        t.translate(-cols / 2.0, -rows / 2.0);
        g.drawImage(source, t, null);
        g.dispose();
        byte[] grey = ((DataBufferByte) target.getRaster().getDataBuffer()).getData();
        float[] alpha = new float[size * size];
        int[] box = {size, size, 0, 0};
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                float a = (grey[y * size + x] & 0xFF) / 255f;
                alpha[y * size + x] = a;
                if (a >= 0.5f) {
                    box[0] = Math.min(box[0], x);
                    box[1] = Math.min(box[1], y);
                    box[2] = Math.max(box[2], x + 1);
                    box[3] = Math.max(box[3], y + 1);
                }
            }
        }
        return new DigitStamp(alpha, size, size, box);
    }
}
