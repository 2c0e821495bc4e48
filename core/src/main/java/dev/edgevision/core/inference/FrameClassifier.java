package dev.edgevision.core.inference;

import dev.edgevision.core.detect.BoundingBox;
import dev.edgevision.core.detect.Detection;
import dev.edgevision.core.detect.ModelIdentity;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.model.ModelManifest;
import dev.edgevision.core.model.Polarity;
import dev.edgevision.core.preprocess.FrameResizer;
import java.util.List;

/**
 * A classifier that names the whole frame ({@code resize: stretch} or {@code letterbox}): one
 * detection whose box is the whole frame, as the contract says, or none below the threshold.
 */
public final class FrameClassifier extends RunnerDetector {
    private final FrameResizer resizer;
    private final double threshold;

    /**
     * @param framePolarity ink polarity of the frames; models declaring {@code natural} never invert
     */
    public FrameClassifier(ModelRunner runner, ModelManifest manifest, ModelIdentity identity, double threshold,
            Polarity framePolarity) {
        super(runner, manifest, identity);
        this.threshold = threshold;
        this.resizer = new FrameResizer(manifest.input(), framePolarity);
    }

    @Override
    int prepare(Frame frame) {
        resizer.fill(frame, runner.input(), 0);
        return 1;
    }

    @Override
    List<Detection> decode(Frame frame, float[] output, int batch) {
        TopClass top = TopClass.of(output, 0, manifest.labels().size(), "logits".equals(manifest.decoder().type()));
        return !(top.score() >= threshold) ? List.of() : List.of(new Detection(
                manifest.labels().get(top.classId()), top.classId(), top.score(),
                new BoundingBox(0, 0, frame.width(), frame.height())));
    }
}
