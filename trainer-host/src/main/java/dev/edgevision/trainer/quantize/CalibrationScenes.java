package dev.edgevision.trainer.quantize;

import dev.edgevision.core.idx.DigitSet;
import dev.edgevision.core.model.InputSpec;
import dev.edgevision.core.model.Polarity;
import dev.edgevision.core.preprocess.FrameResizer;
import dev.edgevision.trainer.detector.scenes.SceneSettings;
import dev.edgevision.trainer.detector.scenes.Variety;
import dev.edgevision.trainer.detector.train.DigitSceneSamples;

/**
 * Calibration inputs from the training generator: digit scenes on paper drawn from training
 * digits (never the test split), with the next run's variety (dense rows, hard negatives), each
 * letterboxed into the model input exactly as a device prepares a camera frame.
 */
public final class CalibrationScenes implements CalibrationInputs {
    private final DigitSceneSamples scenes;
    private final FrameResizer resizer;
    private final int count;
    private final long seed;

    /**
     * @param digits training digits to draw the scenes from
     * @param input the model's input (size, colour, normalisation)
     * @param count number of scenes
     * @param seed the first scene's seed; scene {@code i} is seed {@code seed + i}
     */
    public CalibrationScenes(DigitSet digits, InputSpec input, int count, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("calibration needs at least one scene, got " + count);
        }
        this.scenes = new DigitSceneSamples(digits, SceneSettings.digits(), Variety.nextRun());
        this.resizer = new FrameResizer(input, Polarity.DARK_ON_LIGHT);
        this.count = count;
        this.seed = seed;
    }

    @Override
    public int count() {
        return count;
    }

    @Override
    public void fill(int index, float[] target) {
        resizer.fill(scenes.sample(seed + index).frame(), target, 0);
    }

    @Override
    public String describe() {
        return count + " generated training scenes (seeds " + seed + "-" + (seed + count - 1) + ")";
    }
}
