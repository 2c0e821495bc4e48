package dev.edgevision.core.inference;

import dev.edgevision.core.detect.BoundingBox;
import dev.edgevision.core.detect.Detection;
import dev.edgevision.core.detect.Detector;
import dev.edgevision.core.detect.DetectorException;
import dev.edgevision.core.detect.ModelIdentity;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.model.ModelManifest;
import dev.edgevision.core.preprocess.DigitRegionFinder;
import dev.edgevision.core.preprocess.Grayscale;
import dev.edgevision.core.preprocess.MnistFit;
import dev.edgevision.core.preprocess.Region;
import java.util.ArrayList;
import java.util.List;

/**
 * Serves a camera frame with a classifier that names one digit per input: finds the digit-like
 * marks on the page, fits each into the model's input as its manifest declares, classifies them
 * all in one batch, and reports one detection per mark with its box in frame pixels. Marks whose
 * best class scores below the threshold are left out.
 */
public final class RegionClassifier implements Detector {
    private final ModelRunner runner;
    private final ModelManifest manifest;
    private final ModelIdentity identity;
    private final DigitRegionFinder finder;
    private final MnistFit fit;
    private final double threshold;
    private final int sampleSize;
    private final int classes;
    private byte[] gray = new byte[0];

    /**
     * @param runner the backend, with {@code maxBatch} at least the finder's region limit
     * @param manifest the bundle's manifest (task classification, resize {@code mnist})
     * @param identity the bundle's identity for records
     * @param threshold lowest score reported
     */
    public RegionClassifier(ModelRunner runner, ModelManifest manifest, ModelIdentity identity, double threshold) {
        this.runner = runner;
        this.manifest = manifest;
        this.identity = identity;
        this.threshold = threshold;
        this.finder = new DigitRegionFinder(DigitRegionFinder.Settings.defaults());
        this.fit = new MnistFit(manifest.input());
        this.sampleSize = manifest.input().channels() * manifest.input().height() * manifest.input().width();
        this.classes = manifest.labels().size();
    }

    @Override
    public Result detect(Frame frame) throws DetectorException {
        long t0 = System.nanoTime();
        int pixels = frame.width() * frame.height();
        if (gray.length < pixels) {
            gray = new byte[pixels];
        }
        Grayscale.convert(frame, gray);
        List<Region> regions = finder.find(gray, frame.width(), frame.height());
        int batch = Math.min(regions.size(), runner.maxBatch());
        float[] input = runner.input();
        for (int i = 0; i < batch; i++) {
            fit.fit(gray, frame.width(), regions.get(i), input, i * sampleSize);
        }
        long t1 = System.nanoTime();
        float[] output = batch == 0 ? new float[0] : runner.run(batch);
        long t2 = System.nanoTime();
        List<Detection> detections = new ArrayList<>(batch);
        boolean logits = "logits".equals(manifest.decoder().type());
        for (int i = 0; i < batch; i++) {
            detections.addAll(decode(output, i, logits, regions.get(i)));
        }
        long t3 = System.nanoTime();
        return new Result(detections, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6);
    }

    private List<Detection> decode(float[] output, int row, boolean logits, Region region) {
        TopClass top = TopClass.of(output, row * classes, classes, logits);
        if (top.score() < threshold) {
            return List.of();
        }
        return List.of(new Detection(manifest.labels().get(top.classId()), top.classId(), top.score(),
                new BoundingBox(region.x(), region.y(), region.width(), region.height())));
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
