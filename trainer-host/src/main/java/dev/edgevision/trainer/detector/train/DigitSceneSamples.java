package dev.edgevision.trainer.detector.train;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.idx.DigitSet;
import dev.edgevision.trainer.detector.scenes.DigitSceneGenerator;
import dev.edgevision.trainer.detector.scenes.Scene;
import dev.edgevision.trainer.detector.scenes.SceneSettings;
import dev.edgevision.trainer.detector.scenes.Variety;
import java.util.List;

/** Training examples rendered on the fly by the {@link DigitSceneGenerator} from MNIST-format digits. */
public final class DigitSceneSamples implements SampleSource {
    /** The digit detector's classes. */
    public static final List<String> CLASSES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private final DigitSet digits;
    private final SceneSettings settings;
    private final Variety variety;
    private final DigitSceneGenerator generator;
    private final Frame frame = new Frame();

    public DigitSceneSamples(DigitSet digits, SceneSettings settings) {
        this(digits, settings, Variety.none());
    }

    /** Samples whose generator also varies what {@code variety} says. */
    public DigitSceneSamples(DigitSet digits, SceneSettings settings, Variety variety) {
        this.digits = digits;
        this.settings = settings;
        this.variety = variety;
        this.generator = new DigitSceneGenerator(digits, settings, variety);
    }

    @Override
    public List<String> classes() {
        return CLASSES;
    }

    @Override
    public LabelledFrame sample(long seed) {
        Scene scene = generator.render(seed, frame);
        return new LabelledFrame(scene.frame(), scene.boxes());
    }

    @Override
    public SampleSource copy() {
        return new DigitSceneSamples(digits, settings, variety);
    }
}
