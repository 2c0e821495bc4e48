package dev.edgevision.core.inference;

import dev.edgevision.core.detect.BoundingBox;
import dev.edgevision.core.detect.Detection;
import dev.edgevision.core.detect.ModelIdentity;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.model.ModelManifest;
import dev.edgevision.core.model.Polarity;
import dev.edgevision.core.preprocess.FramePreprocessor;
import dev.edgevision.core.preprocess.Preprocessing;
import java.util.List;

/**
 * A classifier that names the whole frame ({@code resize: stretch} or {@code letterbox}): one
 * detection whose box is the whole frame, as the contract says, or none below the threshold.
 */
public final class FrameClassifier extends RunnerDetector {
    private final FramePreprocessor resizer;
    private final double threshold;

    /**
     * @param framePolarity ink polarity of the frames; models declaring {@code natural} never invert
     */
    public FrameClassifier(ModelRunner runner, ModelManifest manifest, ModelIdentity identity, double threshold,
            Polarity framePolarity) {
        this(runner, manifest, identity, threshold, framePolarity, Preprocessing.java());
    }

    /** As the other constructor, with the frame's pixel work done by {@code preprocessing}. */
    public FrameClassifier(ModelRunner runner, ModelManifest manifest, ModelIdentity identity, double threshold,
            Polarity framePolarity, Preprocessing preprocessing) {
        super(runner, manifest, identity);
        this.threshold = threshold;
        this.resizer = preprocessing.open(manifest.input(), framePolarity);
    }

    @Override
    void closeStages() {
        resizer.close();
    }

    @Override
    int prepare(Frame frame) {
        resizer.fill(frame, runner.input(), 0);
        return 1;
    }

    @Override
    List<Detection> decode(Frame frame, float[] output, int batch) {
        TopClass top = TopClass.of(output, 0, manifest.labels().size(), "logits".equals(manifest.decoder().type()));
        return !(top.score() >= threshold) || top.classId() == manifest.rejectClass() ? List.of() : List.of(new Detection(
                manifest.labels().get(top.classId()), top.classId(), top.score(),
                new BoundingBox(0, 0, frame.width(), frame.height())));
    }
}
