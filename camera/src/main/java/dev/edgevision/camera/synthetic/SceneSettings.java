package dev.edgevision.camera.synthetic;

import dev.edgevision.camera.capture.IntRange;
import dev.edgevision.camera.capture.SourceUri;
import dev.edgevision.core.frame.PixelFormat;
import java.util.Map;

/**
 * What the synthetic camera's scenes look like. Every field has a URI parameter of the same name.
 *
 * @param width frame width in pixels ({@code width=640})
 * @param height frame height in pixels ({@code height=480})
 * @param seed the same seed gives the same scenes, pixel for pixel ({@code seed=1})
 * @param digits how many digits a frame with digits holds, if they fit without overlap ({@code digits=1..6})
 * @param blank fraction of frames with no digit at all ({@code blank=0.1})
 * @param size ink height of a digit in pixels before rotation ({@code size=30..150})
 * @param rotate largest rotation either way, degrees ({@code rotate=10})
 * @param noise sensor noise, standard deviation in grey levels ({@code noise=3})
 * @param blur passes of a 3x3 blur over the ink ({@code blur=1})
 * @param format pixel layout ({@code format=bgr}, {@code rgb} or {@code gray})
 */
public record SceneSettings(int width, int height, long seed, IntRange digits, double blank, IntRange size,
        double rotate, double noise, int blur, PixelFormat format) {
    private static final Map<String, PixelFormat> FORMATS =
            Map.of("bgr", PixelFormat.BGR24, "rgb", PixelFormat.RGB24, "gray", PixelFormat.GRAY8);

    public SceneSettings {
        if (width < 32 || height < 32) {
            throw new IllegalArgumentException("synthetic frames must be at least 32x32, got " + width + "x" + height);
        }
        if (size.min() < 8) {
            throw new IllegalArgumentException("synthetic digits must be at least 8 px tall, got size=" + size);
        }
    }

    /** 640x480 BGR, seed 1, 1..6 digits 30..150 px tall, 10 % blank frames, rotation up to 10 degrees. */
    public static SceneSettings defaults() {
        return new SceneSettings(640, 480, 1, new IntRange(1, 6), 0.1, new IntRange(30, 150), 10, 3, 1,
                PixelFormat.BGR24);
    }

    /** Reads the scene parameters of a {@code synthetic://digits?...} URI, defaults for the rest. */
    public static SceneSettings fromUri(SourceUri uri) {
        SceneSettings d = defaults();
        String format = uri.choice("format", "bgr", FORMATS.keySet());
        return new SceneSettings(
                uri.integer("width", d.width, 32, 8192),
                uri.integer("height", d.height, 32, 8192),
                uri.integer("seed", (int) d.seed, Integer.MIN_VALUE, Integer.MAX_VALUE),
                uri.range("digits", d.digits, 0, 50),
                uri.number("blank", d.blank, 0, 1),
                uri.range("size", d.size, 8, 4096),
                uri.number("rotate", d.rotate, 0, 180),
                uri.number("noise", d.noise, 0, 50),
                uri.integer("blur", d.blur, 0, 5),
                FORMATS.get(format));
    }
}
