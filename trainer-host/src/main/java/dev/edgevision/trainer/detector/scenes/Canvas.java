package dev.edgevision.trainer.detector.scenes;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.PixelFormat;
import java.util.Arrays;

/**
 * The scene being drawn, as three float planes (red, green, blue). While the page is drawn they
 * hold reflectance (0 black ink .. 1 white paper); {@link Lighting} turns them into grey levels
 * (0..255) that the camera effects then work on. The planes are allocated once per frame size and
 * reused for every scene.
 */
final class Canvas {
    private int width;
    private int height;
    private float[] red = new float[0];
    private float[] green = new float[0];
    private float[] blue = new float[0];

    /** Makes the planes fit a {@code w} x {@code h} frame; allocates only when the size grows. */
    void reshape(int w, int h) {
        width = w;
        height = h;
        if (red.length < w * h) {
            red = new float[w * h];
            green = new float[w * h];
            blue = new float[w * h];
        }
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** Plane 0 red, 1 green, 2 blue. */
    float[] plane(int channel) {
        return switch (channel) {
            case 0 -> red;
            case 1 -> green;
            default -> blue;
        };
    }

    void fill(Colour c) {
        int n = width * height;
        Arrays.fill(red, 0, n, c.r());
        Arrays.fill(green, 0, n, c.g());
        Arrays.fill(blue, 0, n, c.b());
    }

    /** Mixes {@code c} into pixel {@code index} with weight {@code alpha} (0 keeps the pixel, 1 replaces it). */
    void blend(int index, float alpha, Colour c) {
        red[index] += (c.r() - red[index]) * alpha;
        green[index] += (c.g() - green[index]) * alpha;
        blue[index] += (c.b() - blue[index]) * alpha;
    }

    /** Mixes the colour ({@code r}, {@code g}, {@code b}) into pixel {@code index} with weight {@code alpha}. */
    void blend(int index, float alpha, float r, float g, float b) {
        red[index] += (r - red[index]) * alpha;
        green[index] += (g - green[index]) * alpha;
        blue[index] += (b - blue[index]) * alpha;
    }

    /** Multiplies pixel {@code index} by {@code factor} in every channel. */
    void darken(int index, float factor) {
        red[index] *= factor;
        green[index] *= factor;
        blue[index] *= factor;
    }

    /** Rounds the planes (grey levels) into {@code frame}'s bytes in {@code format}, clamped to 0..255. */
    void writeTo(Frame frame, PixelFormat format) {
        byte[] out = frame.reshape(width, height, format);
        for (int y = 0; y < height; y++) {
            writeRow(out, format, y);
        }
    }

    /** Rounds row {@code y} of the planes into {@code out}, a frame buffer of this size in {@code format}. */
    void writeRow(byte[] out, PixelFormat format, int y) {
        int from = y * width;
        int to = from + width;
        if (format == PixelFormat.GRAY8) {
            for (int i = from; i < to; i++) {
                out[i] = level(0.299f * red[i] + 0.587f * green[i] + 0.114f * blue[i]);
            }
            return;
        }
        float[] first = format == PixelFormat.RGB24 ? red : blue;
        float[] last = format == PixelFormat.RGB24 ? blue : red;
        for (int i = from, o = from * 3; i < to; i++, o += 3) {
            out[o] = level(first[i]);
            out[o + 1] = level(green[i]);
            out[o + 2] = level(last[i]);
        }
    }

    private static byte level(float value) {
        int v = (int) (value + 0.5f);
        return (byte) (v < 0 ? 0 : Math.min(v, 255));
    }
}
