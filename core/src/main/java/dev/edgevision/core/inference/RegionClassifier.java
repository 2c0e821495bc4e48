package dev.edgevision.core.inference;

import dev.edgevision.core.detect.BoundingBox;
import dev.edgevision.core.detect.Detection;
import dev.edgevision.core.detect.ModelIdentity;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.model.ModelManifest;
import dev.edgevision.core.preprocess.DigitRegionFinder;
import dev.edgevision.core.model.Polarity;
import dev.edgevision.core.preprocess.FramePreprocessor;
import dev.edgevision.core.preprocess.Preprocessing;
import dev.edgevision.core.preprocess.MnistFit;
import dev.edgevision.core.preprocess.Region;
import dev.edgevision.core.preprocess.RegionFinder;
import java.util.ArrayList;
import java.util.List;

/**
 * Serves a camera frame with a classifier that names one digit per input: finds the digit-like
 * marks on the page, fits each into the model's input as its manifest declares, classifies them
 * all in one batch, and reports one detection per mark with its box in frame pixels. Marks whose
 * best class scores below the threshold, or is the manifest's reject class (not a digit), are left
 * out.
 */
public final class RegionClassifier extends RunnerDetector {
    private final RegionFinder finder;
    private final MnistFit fit;
    private final FramePreprocessor preprocessor;
    private final double threshold;
    private final int sampleSize;
    private final int classes;
    private final int rejectClass;
    private byte[] gray = new byte[0];
    /** The marks of the frame being served, from {@link #prepare} to {@link #decode}. */
    private List<Region> regions = List.of();

    /**
     * @param runner the backend, with {@code maxBatch} at least the finder's region limit
     * @param manifest the bundle's manifest (task classification, resize {@code mnist})
     * @param identity the bundle's identity for records
     * @param threshold lowest score reported
     */
    public RegionClassifier(ModelRunner runner, ModelManifest manifest, ModelIdentity identity, double threshold) {
        this(runner, manifest, identity, threshold, Preprocessing.java());
    }

    /**
     * As the other constructor, with the frame's grey conversion and the region finder from
     * {@code preprocessing}.
     */
    public RegionClassifier(ModelRunner runner, ModelManifest manifest, ModelIdentity identity, double threshold,
            Preprocessing preprocessing) {
        super(runner, manifest, identity);
        this.preprocessor = preprocessing.open(manifest.input(), Polarity.NATURAL);
        this.threshold = threshold;
        this.finder = preprocessing.regionFinder(DigitRegionFinder.Settings.defaults());
        this.fit = new MnistFit(manifest.input());
        this.sampleSize = manifest.input().channels() * manifest.input().height() * manifest.input().width();
        this.classes = manifest.labels().size();
        this.rejectClass = manifest.rejectClass();
    }

    @Override
    int prepare(Frame frame) {
        int pixels = frame.width() * frame.height();
        if (gray.length < pixels) {
            gray = new byte[pixels];
        }
        preprocessor.grey(frame, gray);
        regions = finder.find(gray, frame.width(), frame.height());
        int batch = Math.min(regions.size(), runner.maxBatch());
        float[] input = runner.input();
        for (int i = 0; i < batch; i++) {
            fit.fit(gray, frame.width(), regions.get(i), input, i * sampleSize);
        }
        return batch;
    }

    @Override
    void closeStages() {
        finder.close();
        preprocessor.close();
    }

    @Override
    List<Detection> decode(Frame frame, float[] output, int batch) {
        List<Detection> detections = new ArrayList<>(batch);
        boolean logits = "logits".equals(manifest.decoder().type());
        for (int i = 0; i < batch; i++) {
            detections.addAll(decodeRow(output, i, logits, regions.get(i)));
        }
        return detections;
    }

    private List<Detection> decodeRow(float[] output, int row, boolean logits, Region region) {
        TopClass top = TopClass.of(output, row * classes, classes, logits);
        if (!(top.score() >= threshold) || top.classId() == rejectClass) {
            return List.of(); // unsure, or a mark the model says is none of its classes
        }
        return List.of(new Detection(manifest.labels().get(top.classId()), top.classId(), top.score(),
                new BoundingBox(region.x(), region.y(), region.width(), region.height())));
    }
}
