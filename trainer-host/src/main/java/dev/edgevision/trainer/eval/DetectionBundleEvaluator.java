package dev.edgevision.trainer.eval;

import dev.edgevision.camera.image.BgrImages;
import dev.edgevision.core.detect.Detection;
import dev.edgevision.core.detect.DetectorException;
import dev.edgevision.core.detect.ModelIdentity;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.detect.Detector;
import dev.edgevision.core.inference.ObjectDetector;
import dev.edgevision.core.inference.RegionClassifier;
import dev.edgevision.core.preprocess.DigitRegionFinder;
import dev.edgevision.core.model.BundleException;
import dev.edgevision.core.model.DecoderSpec;
import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.core.model.ModelManifest;
import dev.edgevision.core.model.Polarity;
import dev.edgevision.core.model.Task;
import dev.edgevision.ort.OrtRunner;
import dev.edgevision.trainer.detector.eval.ConfusionTable;
import dev.edgevision.trainer.detector.eval.DetectionEvaluation;
import dev.edgevision.trainer.detector.eval.DetectionEvaluator;
import dev.edgevision.trainer.detector.eval.IllPosedMarks;
import dev.edgevision.trainer.detector.eval.ImageResult;
import dev.edgevision.trainer.detector.eval.PredictedBox;
import dev.edgevision.trainer.detector.labels.LabelException;
import dev.edgevision.trainer.detector.labels.LabelledBox;
import dev.edgevision.trainer.detector.labels.LabelledDataset;
import dev.edgevision.trainer.detector.labels.LabelledImage;
import dev.edgevision.trainer.detector.labels.NonObjectMarks;
import dev.edgevision.trainer.detector.train.LabelledFrame;
import dev.edgevision.trainer.detector.train.SampleSource;
import dev.edgevision.trainer.report.ExampleFrame;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Scores a detector bundle on labelled images exactly as a device runs it: ONNX Runtime, the
 * manifest's pre-processing and decoder, class-aware NMS and the mapping back to image pixels.
 * Detections down to a score of {@value #CURVE_MIN_SCORE} feed the precision/recall curves (as
 * COCO scores); precision, recall and false detections are counted at the manifest's own
 * {@code score_threshold}, the one a device reports at.
 */
public final class DetectionBundleEvaluator implements AutoCloseable {
    /** Lowest score kept for the precision/recall curves. */
    public static final double CURVE_MIN_SCORE = 0.01;
    /** Reporting threshold of a classifier bundle whose manifest names none: the service's default. */
    public static final double CLASSIFIER_THRESHOLD = 0.5;
    private static final int EXAMPLES = 12;

    /**
     * Scores, and a few frames drawn with both kinds of boxes for the report.
     *
     * @param evaluation scores over the whole precision/recall curve (detections down to {@value #CURVE_MIN_SCORE})
     * @param examples frames with true and reported boxes
     * @param meanMillis mean time per frame through the detector
     * @param published scores of what the device publishes: only detections at or above the manifest's threshold
     * @param confusion which classes were taken for which at that threshold, with false detections on marks
     * @param illPosed the same scores with a letter O read as "0" and an I or l as "1" let pass
     * @param errors pictures of missed objects and wrong detections at the threshold (none for generated examples)
     */
    public record Outcome(DetectionEvaluation evaluation, List<ExampleFrame> examples, double meanMillis,
            DetectionEvaluation published, ConfusionTable confusion, IllPosedScores illPosed, ErrorPictures errors) {
    }

    private final ModelBundle bundle;
    private final Detector detector;
    private final double reportThreshold;
    private final DetectionEvaluator evaluator;
    private final double iouThreshold;
    private final Frame frame = new Frame();
    private final BgrImages images = new BgrImages();

    public DetectionBundleEvaluator(ModelBundle bundle, int threads) throws BundleException, DetectorException {
        this(bundle, threads, DetectionEvaluator.DEFAULT_IOU);
    }

    /** An evaluator that counts a detection as right when it overlaps a true box by {@code iouThreshold}. */
    public DetectionBundleEvaluator(ModelBundle bundle, int threads, double iouThreshold)
            throws BundleException, DetectorException {
        this.bundle = bundle;
        ModelManifest manifest = bundle.manifest();
        boolean regions = manifest.task() == Task.CLASSIFICATION && "mnist".equals(manifest.input().resize());
        if (manifest.task() != Task.DETECTION && !regions) {
            throw new BundleException(bundle.path(), "task is " + manifest.task().wireName()
                    + "; scoring on labelled images needs a detection bundle, or a digit classifier"
                    + " (input resize 'mnist') served through the region finder");
        }
        Object declared = manifest.decoder().parameters() == null ? null
                : manifest.decoder().parameters().get("score_threshold");
        this.reportThreshold = declared instanceof Number n ? n.doubleValue()
                : regions ? CLASSIFIER_THRESHOLD : 0.25;
        this.evaluator = new DetectionEvaluator(iouThreshold, reportThreshold);
        this.iouThreshold = iouThreshold;
        Map<String, Object> parameters = new LinkedHashMap<>(manifest.decoder().parameters() == null ? Map.of()
                : manifest.decoder().parameters());
        parameters.put("score_threshold", CURVE_MIN_SCORE);
        ModelManifest forCurves = new ModelManifest(manifest.formatVersion(), manifest.name(), manifest.version(),
                manifest.task(), manifest.description(), manifest.created(), manifest.producer(), manifest.modelFile(),
                manifest.input(), manifest.outputs(), new DecoderSpec(manifest.decoder().type(),
                manifest.decoder().output(), parameters), manifest.labels(), manifest.metrics(), manifest.files());
        if (regions) {
            OrtRunner runner = new OrtRunner(bundle, DigitRegionFinder.Settings.defaults().maxRegions(), threads);
            this.detector = new RegionClassifier(runner, manifest, new ModelIdentity(manifest.name(),
                    manifest.version(), bundle.sha256()), CURVE_MIN_SCORE);
            return;
        }
        OrtRunner runner = new OrtRunner(bundle, 1, threads);
        try {
            this.detector = new ObjectDetector(runner, forCurves, new ModelIdentity(manifest.name(), manifest.version(),
                    bundle.sha256()), CURVE_MIN_SCORE, Polarity.DARK_ON_LIGHT, bundle.path().toString());
        } catch (DetectorException | RuntimeException e) {
            runner.close();
            throw e;
        }
    }

    /** Runs the bundle on {@code count} examples of {@code source} (seeds {@code firstSeed} onwards). */
    public Outcome score(SampleSource source, int count, long firstSeed) throws IOException, DetectorException {
        List<ImageResult> results = new ArrayList<>();
        List<ExampleFrame> examples = new ArrayList<>();
        double millis = 0;
        for (int i = 0; i < count; i++) {
            LabelledFrame example = source.sample(firstSeed + i);
            long t0 = System.nanoTime();
            List<Detection> detections = detector.detect(example.frame()).detections();
            millis += (System.nanoTime() - t0) / 1e6;
            collect(detections, example.frame(), example.boxes(), List.of(), "example " + (i + 1), results, examples);
        }
        return finish(results, examples, millis, new ReportPictures(iouThreshold));
    }

    /** Runs the bundle on every image of {@code dataset}. */
    public Outcome score(LabelledDataset dataset) throws IOException, DetectorException, LabelException {
        List<ImageResult> results = new ArrayList<>();
        List<ExampleFrame> examples = new ArrayList<>();
        ReportPictures pictures = new ReportPictures(iouThreshold);
        double millis = 0;
        for (LabelledImage item : dataset.images()) {
            BufferedImage image = ImageIO.read(item.image().toFile());
            if (image == null) {
                throw new IOException(item.image() + ": not an image this evaluator reads (PNG, JPEG, BMP, GIF)");
            }
            images.copy(image, frame);
            long t0 = System.nanoTime();
            List<Detection> detections = detector.detect(frame).detections();
            millis += (System.nanoTime() - t0) / 1e6;
            collect(detections, frame, item.boxes(), NonObjectMarks.read(dataset.folder(), item.image()),
                    item.image().getFileName().toString(), results, examples);
            pictures.keep(image, results.get(results.size() - 1).atOrAbove(reportThreshold));
        }
        return finish(results, examples, millis, pictures);
    }

    private void collect(List<Detection> detections, Frame shownFrame, List<LabelledBox> truth, List<LabelledBox> marks,
            String caption, List<ImageResult> results, List<ExampleFrame> examples) {
        List<PredictedBox> predicted = detections.stream().map(PredictedBox::of).toList();
        results.add(new ImageResult(predicted, truth, marks));
        if (examples.size() < EXAMPLES) {
            List<PredictedBox> shown = predicted.stream().filter(p -> p.score() >= reportThreshold).toList();
            examples.add(ExampleFrame.of(shownFrame, truth, shown, caption));
        }
    }

    private Outcome finish(List<ImageResult> results, List<ExampleFrame> examples, double millis,
            ReportPictures pictures) {
        List<String> labels = bundle.manifest().labels();
        List<ImageResult> atThreshold = results.stream().map(r -> r.atOrAbove(reportThreshold)).toList();
        DetectionEvaluation evaluation = evaluator.evaluate(results, labels);
        DetectionEvaluation published = evaluator.evaluate(atThreshold, labels);
        ConfusionTable confusion = ConfusionTable.of(results, labels, reportThreshold, iouThreshold);
        // a detection's reading depends on its own box, the truth and the marks, not on the other
        // detections, so leaving the readings out and keeping the threshold can go in either order
        List<ImageResult> lenient = results.stream().map(r -> IllPosedMarks.withoutReadings(r, iouThreshold)).toList();
        int marks = (int) results.stream().flatMap(r -> r.marks().stream())
                .filter(m -> IllPosedMarks.READINGS.containsKey(m.label())).count();
        int readings = atThreshold.stream().mapToInt(r -> IllPosedMarks.readings(r, iouThreshold).size()).sum();
        IllPosedScores illPosed = new IllPosedScores(marks, readings, evaluator.evaluate(lenient, labels),
                evaluator.evaluate(atThreshold.stream().map(r -> IllPosedMarks.withoutReadings(r, iouThreshold))
                        .toList(), labels), pictures.readings(), pictures.digits());
        return new Outcome(evaluation, examples, results.isEmpty() ? 0 : millis / results.size(), published, confusion,
                illPosed, pictures.errors());
    }

    @Override
    public void close() {
        detector.close();
    }
}
