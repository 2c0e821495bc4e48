package dev.edgevision.core.inference;

import dev.edgevision.core.detect.BoundingBox;
import dev.edgevision.core.detect.Detection;
import dev.edgevision.core.detect.Detector;
import dev.edgevision.core.detect.DetectorException;
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
public final class FrameClassifier implements Detector {
    private final ModelRunner runner;
    private final ModelManifest manifest;
    private final ModelIdentity identity;
    private final FrameResizer resizer;
    private final double threshold;

    /**
     * @param framePolarity ink polarity of the frames; models declaring {@code natural} never invert
     */
    public FrameClassifier(ModelRunner runner, ModelManifest manifest, ModelIdentity identity, double threshold,
            Polarity framePolarity) {
        this.runner = runner;
        this.manifest = manifest;
        this.identity = identity;
        this.threshold = threshold;
        this.resizer = new FrameResizer(manifest.input(), framePolarity);
    }

    @Override
    public Result detect(Frame frame) throws DetectorException {
        long t0 = System.nanoTime();
        resizer.fill(frame, runner.input(), 0);
        long t1 = System.nanoTime();
        float[] output = runner.run(1);
        long t2 = System.nanoTime();
        TopClass top = TopClass.of(output, 0, manifest.labels().size(), "logits".equals(manifest.decoder().type()));
        List<Detection> detections = top.score() < threshold ? List.of() : List.of(new Detection(
                manifest.labels().get(top.classId()), top.classId(), top.score(),
                new BoundingBox(0, 0, frame.width(), frame.height())));
        long t3 = System.nanoTime();
        return new Result(detections, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6);
    }

    @Override
    public ModelIdentity model() {
        return identity;
    }

    @Override
    public String backend() {
        return runner.backend();
    }

    @Override
    public void close() {
        runner.close();
    }
}
