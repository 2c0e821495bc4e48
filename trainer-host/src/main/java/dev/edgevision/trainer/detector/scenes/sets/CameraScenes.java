package dev.edgevision.trainer.detector.scenes.sets;

import dev.edgevision.camera.capture.IntRange;
import dev.edgevision.camera.synthetic.GroundTruth;
import dev.edgevision.camera.synthetic.Glyphs;
import dev.edgevision.camera.synthetic.SceneSettings;
import dev.edgevision.camera.synthetic.SyntheticScene;
import dev.edgevision.core.detect.BoundingBox;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.PixelFormat;
import dev.edgevision.core.idx.DigitSet;
import dev.edgevision.trainer.detector.labels.LabelledBox;
import dev.edgevision.trainer.detector.scenes.Scene;
import java.util.List;

/**
 * Scenes of the camera module's synthetic source ({@code synthetic://digits}), which was written
 * apart from the training generator: its own paper, lighting, ink and noise, and its own ground
 * truth, the tight box of each digit's visible ink. Rendered with rotation up to 20 degrees, the
 * issue's range, and the camera's defaults otherwise (1-6 digits 30-150 px, 10 % empty frames).
 */
public final class CameraScenes implements SceneSource {
    private static final String[] LABELS = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
    private static final double ROTATION = 20;
    private final SyntheticScene scenes;
    private final long seed;
    private final String origin;

    /** Scenes of {@code width} x {@code height} from the seed {@code seed}, drawing {@code digits}. */
    public CameraScenes(DigitSet digits, int width, int height, long seed) {
        int tallest = Math.max(8, Math.min(150, (int) (Math.min(width, height) * 0.6)));
        SceneSettings d = SceneSettings.defaults();
        SceneSettings settings = new SceneSettings(width, height, seed, d.digits(), d.blank(),
                new IntRange(Math.min(d.size().min(), tallest), tallest), ROTATION, d.noise(), d.blur(), PixelFormat.BGR24);
        this.scenes = new SyntheticScene(settings, Glyphs.of(digits));
        this.seed = seed;
        this.origin = digits.origin();
    }

    @Override
    public Scene render(long index, Frame target) {
        List<GroundTruth> truth = scenes.render(index, target);
        return new Scene(target, truth.stream().map(CameraScenes::box).toList());
    }

    private static LabelledBox box(GroundTruth t) {
        BoundingBox b = t.box();
        return new LabelledBox(LABELS[t.label()], b.x(), b.y(), b.x() + b.w(), b.y() + b.h());
    }

    @Override
    public String description() {
        var s = scenes.settings();
        return "camera module's synthetic scenes (synthetic://digits), " + s.width() + "x" + s.height() + ", seed "
                + seed + ", rotation up to " + (int) ROTATION + " degrees, digits from " + origin;
    }
}
