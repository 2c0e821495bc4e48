package dev.edgevision.trainer.detector.scenes.sets;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.trainer.detector.scenes.DigitSceneGenerator;
import dev.edgevision.trainer.detector.scenes.Scene;

/** Scenes of the training generator, scene {@code index} rendered from {@link SceneSeeds#of}. */
public final class GeneratorScenes implements SceneSource {
    private final DigitSceneGenerator generator;
    private final long seed;
    private final String origin;

    /** Scenes of {@code generator} for the set seeded {@code seed}; {@code origin} names its digits. */
    public GeneratorScenes(DigitSceneGenerator generator, long seed, String origin) {
        this.generator = generator;
        this.seed = seed;
        this.origin = origin;
    }

    @Override
    public Scene render(long index, Frame target) {
        return generator.render(SceneSeeds.of(seed, index), target);
    }

    @Override
    public String description() {
        var s = generator.settings();
        return "training generator, " + s.width() + "x" + s.height() + ", seed " + seed + ", digits from " + origin;
    }
}
