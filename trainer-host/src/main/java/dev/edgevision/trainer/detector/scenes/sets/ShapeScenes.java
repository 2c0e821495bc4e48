package dev.edgevision.trainer.detector.scenes.sets;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.trainer.detector.scenes.Nuisances;
import dev.edgevision.trainer.detector.scenes.Scene;
import dev.edgevision.trainer.detector.scenes.ShapeSceneGenerator;
import java.util.List;

/**
 * Scenes of hand-drawn shapes that are not digits ({@link ShapeSceneGenerator}: arrows, boxes,
 * triangles, crosses and five-pointed stars in pen on paper, with the training generator's light,
 * blur, noise and JPEG and unlabelled stray marks), each shape boxed and labelled with its class
 * name. A stand-in for a user's own labelled objects, to time and score training a detector on a
 * few hundred labelled images of something other than digits. Scene {@code index} is rendered
 * from {@link SceneSeeds#of}.
 */
public final class ShapeScenes implements SceneSource {
    /** Class names in class-id order: arrow, box, triangle, cross, star. */
    public static final List<String> CLASSES = ShapeSceneGenerator.CLASSES;
    private final ShapeSceneGenerator generator;
    private final long seed;

    /** Scenes of {@code width} x {@code height} from the seed {@code seed}, with every camera nuisance. */
    public ShapeScenes(int width, int height, long seed) {
        this(width, height, seed, Nuisances.camera());
    }

    /** Scenes of {@code width} x {@code height} from the seed {@code seed}, with {@code nuisances}. */
    public ShapeScenes(int width, int height, long seed, Nuisances nuisances) {
        this.generator = new ShapeSceneGenerator(width, height, nuisances);
        this.seed = seed;
    }

    @Override
    public Scene render(long index, Frame target) {
        return generator.render(SceneSeeds.of(seed, index), target);
    }

    @Override
    public List<String> classes() {
        return CLASSES;
    }

    @Override
    public String description() {
        return "hand-drawn shapes " + CLASSES + " on paper, " + generator.width() + "x" + generator.height()
                + ", seed " + seed + ", 1-5 per scene " + generator.smallest() + "-" + generator.largest()
                + " px, any rotation, 10 % empty";
    }
}
