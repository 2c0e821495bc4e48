package dev.edgevision.trainer.detector.scenes;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.idx.DigitSet;
import dev.edgevision.trainer.detector.labels.LabelledBox;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Renders camera-like frames of handwritten digits on paper, with a box around each digit.
 *
 * <p>A scene is built as a camera would see it: a page (paper tone, ruled or squared lines,
 * sometimes its edge and the desk beyond), the digits in dark ink (MNIST-format glyphs, inverted,
 * scaled, turned, with varied stroke weight and ink), stray marks that are not digits, then the
 * light (exposure, gradient, corners, colour cast, shadow), the lens and sensor (blur, noise) and
 * JPEG compression. Out-of-focus blur is drawn into every mark through an {@link EdgeProfile}
 * rather than applied to the finished frame. Each digit's box is measured on its own sharp ink:
 * the pixels within half a pen width of its strokes' centre lines.
 *
 * <p>{@link #render} is deterministic: the same seed gives the same pixels and boxes, whatever was
 * rendered before. Working arrays are allocated once per frame size and reused, so rendering
 * allocates nothing frame-sized. An instance is for one thread at a time; make one per worker.
 */
public final class DigitSceneGenerator {
    private final SceneSettings settings;
    private final Canvas canvas = new Canvas();
    private final Paper paper = new Paper();
    private final DigitPlacer placer;
    private final EdgeProfile profile = new EdgeProfile();
    private final Pen pen = new Pen();
    private final Distractors distractors = new Distractors();
    private final CameraFinish finish = new CameraFinish();
    private final HardNegatives hardNegatives = new HardNegatives();
    private final HandWords words = new HandWords();
    private final Variety variety;

    /**
     * A generator drawing its digits from {@code digits} (28x28 or any size, bright ink on black as
     * in MNIST). Use the training split for training scenes and the test split for evaluation ones.
     */
    public DigitSceneGenerator(DigitSet digits, SceneSettings settings) {
        this(digits, settings, Variety.none());
    }

    /** A generator that also varies what {@code variety} says (bitmap glyphs, HSV jitter, dense scenes, touching digit runs, hard negatives, words). */
    public DigitSceneGenerator(DigitSet digits, SceneSettings settings, Variety variety) {
        this.settings = settings;
        this.placer = new DigitPlacer(new GlyphBank(digits));
        this.variety = variety;
    }

    public Variety variety() {
        return variety;
    }

    public SceneSettings settings() {
        return settings;
    }

    /** Renders scene {@code seed} into {@code target} (reshaped to the settings' size and format) and returns it with its boxes. */
    public Scene render(long seed, Frame target) {
        SplittableRandom random = new SplittableRandom(seed);
        Nuisances nuisances = settings.nuisances();
        canvas.reshape(settings.width(), settings.height());
        boolean blurred = random.nextDouble() < nuisances.blurProbability();
        profile.focus(blurred ? nuisances.maxBlurSigma() * random.nextDouble() : 0);
        paper.draw(canvas, random, nuisances, profile);
        if (!variety.any()) {
            List<LabelledBox> boxes = placer.place(canvas, paper, profile, random, settings);
            distractors.draw(canvas, pen, profile, random, nuisances.maxDistractors(), boxes);
            finish.develop(canvas, random, nuisances, target, settings.format());
            return new Scene(target, boxes);
        }
        SplittableRandom extra = random.split();
        SceneSettings scene = extra.nextDouble() < variety.denseScenes() ? dense(settings) : settings;
        List<LabelledBox> boxes = placer.place(canvas, paper, profile, random, scene, variety.bitmapGlyphs());
        if (!boxes.isEmpty() && extra.nextDouble() < variety.digitRuns()) {
            placer.placeRuns(canvas, paper, profile, extra, scene, variety.bitmapGlyphs(), 1 + extra.nextInt(2), boxes);
        }
        distractors.draw(canvas, pen, profile, random, nuisances.maxDistractors(), boxes);
        hardNegatives.draw(canvas, pen, profile, extra, variety.maxHardNegatives(), boxes);
        words.draw(canvas, pen, profile, extra, variety.maxWords(), variety.lookalikeWords(), boxes);
        finish.develop(canvas, random, nuisances, target, settings.format());
        ColourJitter.apply(target, variety, extra);
        return new Scene(target, boxes);
    }

    /** Up to twice the digits at up to half the height: many small digits, as a mosaic of scenes gives them. */
    private static SceneSettings dense(SceneSettings s) {
        int max = Math.max(s.minDigitHeight(), s.maxDigitHeight() / 2);
        int min = Math.min(s.minDigitHeight(), max);
        return s.withGeometry(Math.max(8, Math.min(min, (int) (min * 0.7))), max, s.maxRotationDegrees())
                .withDigits(Math.max(1, s.minDigits()), Math.min(50, Math.max(1, s.maxDigits()) * 2), s.emptyFraction());
    }
}
