package dev.edgevision.core.preprocess;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.PixelFormat;
import dev.edgevision.core.model.InputSpec;
import dev.edgevision.core.model.PixelScaling;
import dev.edgevision.core.model.Polarity;

/**
 * Fits a whole frame into a model input as its manifest declares: {@code stretch} (both axes
 * scaled to the input) or {@code letterbox} (aspect kept, centred, the rest padded with grey 114),
 * bilinear sampling, the model's colour order (rgb, bgr or grayscale), layout (NCHW or NHWC) and
 * value scaling. Sampling coordinates are computed once per frame size; a frame allocates nothing.
 * {@link #geometry()} gives the exact mapping back from input to frame pixels ({@link ResizeGeometry}).
 */
public final class FrameResizer {
    /** Pixel value of letterbox padding (the usual mid grey). */
    public static final int PAD = 114;

    private final InputSpec spec;
    private final boolean letterbox;
    private final PixelScaling scaling;
    private final int targetW;
    private final int targetH;
    private final int channels;
    private int frameW = -1;
    private int frameH = -1;
    private int[] x0;
    private float[] wx;
    private int[] y0;
    private float[] wy;
    private ResizeGeometry geometry;
    private int padX;
    private int padY;

    /**
     * @param spec the model input
     * @param framePolarity ink polarity of the frames ({@link Polarity#DARK_ON_LIGHT} for paper,
     *     {@link Polarity#NATURAL} for scenes)
     */
    public FrameResizer(InputSpec spec, Polarity framePolarity) {
        if (!"stretch".equals(spec.resize()) && !"letterbox".equals(spec.resize())) {
            throw new IllegalArgumentException("resize must be stretch or letterbox here, got " + spec.resize());
        }
        this.spec = spec;
        this.letterbox = "letterbox".equals(spec.resize());
        this.scaling = PixelScaling.of(spec, framePolarity);
        this.targetW = spec.width();
        this.targetH = spec.height();
        this.channels = spec.channels();
    }

    /** Writes the model input for {@code frame} into {@code target} at {@code offset}. */
    public void fill(Frame frame, float[] target, int offset) {
        prepare(frame.width(), frame.height());
        byte[] src = frame.data();
        int bpp = frame.format().bytesPerPixel();
        int[] order = channelOrder(frame.format());
        boolean lumaFromColour = channels == 1 && bpp == 3;
        boolean nchw = !"NHWC".equals(spec.layout());
        int plane = targetW * targetH;
        for (int ty = 0; ty < targetH; ty++) {
            for (int tx = 0; tx < targetW; tx++) {
                int pixel = ty * targetW + tx;
                int sx = tx - padX;
                int sy = ty - padY;
                boolean inside = sx >= 0 && sy >= 0 && sx < x0.length && sy < y0.length;
                for (int c = 0; c < channels; c++) {
                    int value = !inside ? PAD : lumaFromColour ? luma(src, bpp, frame.format(), sx, sy)
                            : sample(src, bpp, order[c], sx, sy);
                    int index = nchw ? c * plane + pixel : pixel * channels + c;
                    target[offset + index] = scaling.scale(c, value);
                }
            }
        }
    }

    /** Where content pixel (x, y) of the model input came from in the frame, for mapping boxes back. */
    public double[] toFrame(double x, double y) {
        return new double[] {geometry.toFrameX(x), geometry.toFrameY(y)};
    }

    /**
     * The geometry of the last frame {@link #fill} handled (a new object only when the frame size
     * changes): how to map model-input coordinates back to that frame.
     */
    public ResizeGeometry geometry() {
        if (geometry == null) {
            throw new IllegalStateException("no frame has been resized yet");
        }
        return geometry;
    }

    /** Pixel-centre index of the frame column that input content column {@code t} samples (for tests). */
    double sampledColumn(int t) {
        return x0[t] + wx[t];
    }

    /** Pixel-centre index of the frame row that input content row {@code t} samples (for tests). */
    double sampledRow(int t) {
        return y0[t] + wy[t];
    }

    private int sample(byte[] src, int bpp, int channel, int sx, int sy) {
        int xa = x0[sx];
        int ya = y0[sy];
        int xb = Math.min(xa + 1, frameW - 1);
        int yb = Math.min(ya + 1, frameH - 1);
        float fx = wx[sx];
        float fy = wy[sy];
        float top = at(src, bpp, channel, xa, ya) * (1 - fx) + at(src, bpp, channel, xb, ya) * fx;
        float bottom = at(src, bpp, channel, xa, yb) * (1 - fx) + at(src, bpp, channel, xb, yb) * fx;
        return Math.round(top * (1 - fy) + bottom * fy);
    }

    private int luma(byte[] src, int bpp, PixelFormat format, int sx, int sy) {
        int r = format == PixelFormat.RGB24 ? 0 : 2;
        return (77 * sample(src, bpp, r, sx, sy) + 150 * sample(src, bpp, 1, sx, sy)
                + 29 * sample(src, bpp, 2 - r, sx, sy)) >> 8;
    }

    private int at(byte[] src, int bpp, int channel, int x, int y) {
        return src[(y * frameW + x) * bpp + channel] & 0xFF;
    }

    /** Byte offset within a frame pixel of each model channel (grey frames have one byte). */
    private int[] channelOrder(PixelFormat format) {
        int[] order = new int[channels];
        if (format == PixelFormat.GRAY8 || channels == 1) {
            return order;
        }
        boolean frameRgb = format == PixelFormat.RGB24;
        String colour = spec.colour() == null ? "rgb" : spec.colour();
        for (int c = 0; c < channels; c++) {
            int rgbIndex = "bgr".equals(colour) ? 2 - c : c;
            order[c] = frameRgb ? rgbIndex : 2 - rgbIndex;
        }
        return order;
    }

    private void prepare(int width, int height) {
        if (width == frameW && height == frameH) {
            return;
        }
        frameW = width;
        frameH = height;
        geometry = ResizeGeometry.of(letterbox, width, height, targetW, targetH);
        padX = geometry.padX();
        padY = geometry.padY();
        x0 = new int[geometry.contentWidth()];
        wx = new float[geometry.contentWidth()];
        coordinates(x0, wx, geometry.scaleX(), width);
        y0 = new int[geometry.contentHeight()];
        wy = new float[geometry.contentHeight()];
        coordinates(y0, wy, geometry.scaleY(), height);
    }

    private static void coordinates(int[] index, float[] weight, double step, int limit) {
        for (int t = 0; t < index.length; t++) {
            double s = Math.max(0, Math.min(limit - 1, (t + 0.5) * step - 0.5));
            index[t] = (int) Math.floor(s);
            weight[t] = (float) (s - index[t]);
        }
    }
}
