package dev.edgevision.trainer.detector.scenes;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.PixelFormat;
import java.util.SplittableRandom;

/**
 * The last steps of every rendered scene, after the marks are on the page: sensor noise, the light
 * (exposure, gradient, corners, colour cast, shadow) and, when the scene draws one, a JPEG round
 * trip, written into the target frame. Without JPEG the light is applied row by row straight into
 * the frame. Its working arrays are reused from scene to scene; one instance per generator.
 */
final class CameraFinish {
    private final Lighting lighting = new Lighting();
    private final SensorNoise noise = new SensorNoise();
    private final JpegArtefacts jpeg = new JpegArtefacts();

    /** Plans noise, light and JPEG from {@code random} and develops {@code canvas} into {@code target} as {@code format}. */
    void develop(Canvas canvas, SplittableRandom random, Nuisances nuisances, Frame target, PixelFormat format) {
        noise.plan(random, nuisances);
        lighting.plan(canvas.width(), canvas.height(), random, nuisances);
        int quality = JpegArtefacts.plan(random, nuisances);
        if (quality > 0) {
            lighting.apply(canvas, noise, null);
            jpeg.compress(canvas, quality);
            canvas.writeTo(target, format);
        } else {
            byte[] out = target.reshape(canvas.width(), canvas.height(), format);
            lighting.apply(canvas, noise, y -> canvas.writeRow(out, format, y));
        }
    }
}
