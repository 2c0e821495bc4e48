package dev.edgevision.core.inference;

import dev.edgevision.core.detect.BoundingBox;
import dev.edgevision.core.detect.Detection;
import dev.edgevision.core.detect.DetectorException;
import dev.edgevision.core.detect.ModelIdentity;
import dev.edgevision.core.detect.decode.Candidates;
import dev.edgevision.core.detect.decode.ClassAwareNms;
import dev.edgevision.core.detect.decode.Decoders;
import dev.edgevision.core.detect.decode.DetectionDecoder;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.model.ModelManifest;
import dev.edgevision.core.model.Polarity;
import dev.edgevision.core.preprocess.FramePreprocessor;
import dev.edgevision.core.preprocess.FrameResizer;
import dev.edgevision.core.preprocess.Preprocessing;
import dev.edgevision.core.preprocess.ResizeGeometry;
import java.util.ArrayList;
import java.util.List;

/**
 * A detection model ({@code task: detection}) serving whole frames: the frame is fitted into the
 * input as the manifest declares ({@code stretch} or {@code letterbox}, as {@link FrameResizer}
 * defines it, by the {@link Preprocessing} chosen at start-up),
 * the backend runs, the manifest's decoder turns the outputs into candidate boxes in input pixels,
 * class-aware non-maximum suppression keeps the best of each overlapping group, and the survivors
 * are mapped back to source-frame pixels with the resizer's exact geometry and clipped to the frame.
 *
 * <p>The lowest score reported is the threshold it is given, which may be below the manifest's
 * {@code score_threshold} (see {@link ReportingThreshold} for the default). Buffers (input, candidates, suppression order) are allocated once; a
 * frame allocates only the detections it reports.
 */
public final class ObjectDetector extends RunnerDetector {
    private final FramePreprocessor resizer;
    private final DetectionDecoder decoder;
    private final Candidates candidates;
    private final ClassAwareNms nms;
    private final double minScore;

    /**
     * @param runner the backend, loaded with the bundle's graph
     * @param threshold the lowest score reported
     * @param framePolarity ink polarity of the frames; models declaring {@code natural} never invert
     * @param source the bundle's path, named in errors
     * @throws DetectorException when the decoder declaration or the resize does not fit the model
     */
    public ObjectDetector(ModelRunner runner, ModelManifest manifest, ModelIdentity identity, double threshold,
            Polarity framePolarity, String source) throws DetectorException {
        this(runner, manifest, identity, threshold, framePolarity, source, Preprocessing.java());
    }

    /**
     * As {@link #ObjectDetector(ModelRunner, ModelManifest, ModelIdentity, double, Polarity, String)},
     * with the frame's pixel work done by {@code preprocessing}.
     */
    public ObjectDetector(ModelRunner runner, ModelManifest manifest, ModelIdentity identity, double threshold,
            Polarity framePolarity, String source, Preprocessing preprocessing) throws DetectorException {
        super(runner, manifest, identity);
        String resize = manifest.input().resize();
        if (!"stretch".equals(resize) && !"letterbox".equals(resize)) {
            throw new DetectorException(source + ": input.resize '" + resize + "' does not suit a detector;"
                    + " a detection model's input is the whole frame, 'letterbox' or 'stretch'");
        }
        this.decoder = Decoders.create(manifest, source);
        this.resizer = preprocessing.open(manifest.input(), framePolarity);
        this.candidates = new Candidates(decoder.maxCandidates());
        this.nms = new ClassAwareNms(decoder.maxCandidates(), decoder.settings().iouThreshold(),
                decoder.settings().maxDetections());
        this.minScore = threshold;
    }

    @Override
    int prepare(Frame frame) {
        resizer.fill(frame, runner.input(), 0);
        return 1;
    }

    @Override
    void closeStages() {
        resizer.close();
    }

    @Override
    List<Detection> decode(Frame frame, float[] output, int batch) {
        candidates.clear();
        decoder.decode(runner, minScore, candidates);
        int kept = nms.select(candidates);
        ResizeGeometry geometry = resizer.geometry();
        List<Detection> detections = new ArrayList<>(kept);
        for (int rank = 0; rank < kept; rank++) {
            int i = nms.kept(rank);
            Detection d = toFrame(geometry, i);
            if (d != null) {
                detections.add(d);
            }
        }
        return detections;
    }

    /** Candidate {@code i} in frame pixels, clipped to the frame; null when nothing of it is inside. */
    private Detection toFrame(ResizeGeometry g, int i) {
        double left = clip(g.toFrameX(candidates.x1(i)), g.frameWidth());
        double top = clip(g.toFrameY(candidates.y1(i)), g.frameHeight());
        double right = clip(g.toFrameX(candidates.x2(i)), g.frameWidth());
        double bottom = clip(g.toFrameY(candidates.y2(i)), g.frameHeight());
        if (right <= left || bottom <= top) {
            return null;
        }
        int classId = candidates.classId(i);
        return new Detection(manifest.labels().get(classId), classId, Math.round(candidates.score(i) * 1e6) / 1e6,
                new BoundingBox(round(left), round(top), round(right - left), round(bottom - top)));
    }

    private static double clip(double v, int limit) {
        return Math.max(0, Math.min(limit, v));
    }

    /** A thousandth of a pixel is finer than any detector is accurate, and keeps records short. */
    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** The decoder this detector uses (its type and settings). */
    public DetectionDecoder decoder() {
        return decoder;
    }
}
