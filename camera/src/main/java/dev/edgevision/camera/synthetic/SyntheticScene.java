package dev.edgevision.camera.synthetic;

import dev.edgevision.camera.capture.SourceUri;
import dev.edgevision.core.detect.BoundingBox;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.PixelFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Renders camera-like scenes of dark handwritten digits on light paper, deterministically: scene
 * {@code n} of a seed is the same, pixel for pixel, however and whenever it is rendered, and its
 * {@link #truth ground truth} can be had without rendering. Each scene has uneven lighting and a
 * colour tint, MNIST glyphs inverted into ink, scaled and slightly rotated, placed without overlap,
 * a little blur and sensor noise; some scenes have no digit. Methods are synchronized: one scene
 * renders at a time per instance.
 */
public final class SyntheticScene {
    private static final int NOISE_TABLE = 65521;
    private final SceneSettings settings;
    private final Glyphs glyphs;
    private final byte[] noise = new byte[NOISE_TABLE];
    private final InkRaster raster = new InkRaster();
    private final float[] columnLight;
    private final float[] rowLight;

    public SyntheticScene(SceneSettings settings, Glyphs glyphs) {
        this.settings = settings;
        this.glyphs = glyphs;
        this.columnLight = new float[settings.width()];
        this.rowLight = new float[settings.height()];
        SplittableRandom random = new SplittableRandom(ScenePlan.mix(settings.seed(), -1));
        double limit = 3 * settings.noise();
        for (int i = 0; i < NOISE_TABLE; i++) {
            double g = nextGaussian(random) * settings.noise();
            noise[i] = (byte) Math.round(Math.max(-limit, Math.min(limit, g)));
        }
    }

    /**
     * The scenes a {@code synthetic://digits?...} URI films, without a capture thread: for tests and
     * demos that need scene N with its boxes. Pacing parameters ({@code fps}, {@code frames}) are ignored.
     */
    public static SyntheticScene fromUri(String uri) {
        SourceUri parsed = SourceUri.parse(uri);
        SyntheticSource.checkScene(parsed);
        return new SyntheticScene(SceneSettings.fromUri(parsed), SyntheticSource.loadGlyphs(parsed));
    }

    private static double nextGaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    public SceneSettings settings() {
        return settings;
    }

    /** Renders scene {@code index} into {@code into} and returns what it holds. */
    public synchronized List<GroundTruth> render(long index, Frame into) {
        ScenePlan plan = ScenePlan.of(settings, glyphs, index, NOISE_TABLE);
        byte[] pixels = into.reshape(settings.width(), settings.height(), settings.format());
        int channels = settings.format().bytesPerPixel();
        paintPaper(plan.lighting(), pixels, channels);
        List<GroundTruth> truth = new ArrayList<>(plan.digits().size());
        for (ScenePlan.Placement p : plan.digits()) {
            BoundingBox box = raster.draw(glyphs, p, settings.blur());
            if (box != null) {
                applyInk(p, pixels, channels);
                truth.add(new GroundTruth(p.label(), box));
            }
        }
        addNoise(plan.lighting().noiseOffset(), pixels, settings.width() * settings.height() * channels);
        return truth;
    }

    /** What scene {@code index} holds, without rendering its pixels. */
    public synchronized List<GroundTruth> truth(long index) {
        ScenePlan plan = ScenePlan.of(settings, glyphs, index, NOISE_TABLE);
        List<GroundTruth> truth = new ArrayList<>(plan.digits().size());
        for (ScenePlan.Placement p : plan.digits()) {
            BoundingBox box = raster.draw(glyphs, p, settings.blur());
            if (box != null) {
                truth.add(new GroundTruth(p.label(), box));
            }
        }
        return truth;
    }

    private void paintPaper(ScenePlan.Lighting light, byte[] pixels, int channels) {
        int w = settings.width();
        int h = settings.height();
        for (int x = 0; x < w; x++) {
            float fx = (x + 0.5f) / w - 0.5f;
            columnLight[x] = light.gradientX() * fx - light.vignette() * 2 * fx * fx;
        }
        for (int y = 0; y < h; y++) {
            float fy = (y + 0.5f) / h - 0.5f;
            rowLight[y] = light.base() + light.gradientY() * fy - light.vignette() * 2 * fy * fy;
        }
        float[] tint = inChannelOrder(light.tintRgb());
        int i = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float level = rowLight[y] + columnLight[x];
                for (int c = 0; c < channels; c++) {
                    pixels[i++] = (byte) Math.min(255, (int) (level * tint[c]));
                }
            }
        }
    }

    private void applyInk(ScenePlan.Placement p, byte[] pixels, int channels) {
        float[] ink = inChannelOrder(new float[] {p.inkRgb()[0], p.inkRgb()[1], p.inkRgb()[2]});
        int w = settings.width();
        for (int y = 0; y < raster.height(); y++) {
            int row = raster.top() + y;
            for (int x = 0; x < raster.width(); x++) {
                float alpha = raster.coverage(x, y) * p.opacity();
                if (alpha < 1f / 512) {
                    continue;
                }
                int i = (row * w + raster.left() + x) * channels;
                for (int c = 0; c < channels; c++) {
                    float paper = pixels[i + c] & 0xFF;
                    pixels[i + c] = (byte) Math.round(paper + (ink[c] - paper) * alpha);
                }
            }
        }
    }

    private void addNoise(int offset, byte[] pixels, int count) {
        if (settings.noise() == 0) {
            return;
        }
        int k = offset;
        for (int i = 0; i < count; i++) {
            int value = (pixels[i] & 0xFF) + noise[k];
            pixels[i] = (byte) (value < 0 ? 0 : Math.min(255, value));
            k = k + 1 == NOISE_TABLE ? 0 : k + 1;
        }
    }

    /** An RGB triple reordered for the frame's format, or averaged into one value for grey. */
    private float[] inChannelOrder(float[] rgb) {
        PixelFormat format = settings.format();
        if (format == PixelFormat.GRAY8) {
            return new float[] {(rgb[0] + rgb[1] + rgb[2]) / 3};
        }
        return format == PixelFormat.BGR24 ? new float[] {rgb[2], rgb[1], rgb[0]} : rgb;
    }
}
