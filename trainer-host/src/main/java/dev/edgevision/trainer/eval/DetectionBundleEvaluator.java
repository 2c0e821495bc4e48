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
import dev.edgevision.trainer.detector.eval.FrameErrors;
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
import dev.edgevision.trainer.report.GalleryImage;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
    private static final int READING_CROPS = 16;
    private static final int DIGIT_CROPS_PER_CLASS = 4;
    private static final int ERROR_CROPS = 16;
    private static final int ERROR_CROPS_PER_FRAME = 2;

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
    private final List<GalleryImage> readingCrops = new ArrayList<>();
    private final List<GalleryImage> digitCrops = new ArrayList<>();
    private final Map<String, Integer> digitCropsPerClass = new HashMap<>();
    private final List<GalleryImage> missedCrops = new ArrayList<>();
    private final List<GalleryImage> wrongCrops = new ArrayList<>();

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
        readingCrops.clear();
        digitCrops.clear();
        digitCropsPerClass.clear();
        missedCrops.clear();
        wrongCrops.clear();
        double millis = 0;
        for (int i = 0; i < count; i++) {
            LabelledFrame example = source.sample(firstSeed + i);
            long t0 = System.nanoTime();
            List<Detection> detections = detector.detect(example.frame()).detections();
            millis += (System.nanoTime() - t0) / 1e6;
            collect(detections, example.frame(), example.boxes(), List.of(), "example " + (i + 1), results, examples);
        }
        return finish(results, examples, millis);
    }

    /** Runs the bundle on every image of {@code dataset}. */
    public Outcome score(LabelledDataset dataset) throws IOException, DetectorException, LabelException {
        List<ImageResult> results = new ArrayList<>();
        List<ExampleFrame> examples = new ArrayList<>();
        readingCrops.clear();
        digitCrops.clear();
        digitCropsPerClass.clear();
        missedCrops.clear();
        wrongCrops.clear();
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
            String name = item.image().getFileName().toString();
            collect(detections, frame, item.boxes(), NonObjectMarks.read(dataset.folder(), item.image()),
                    name, results, examples);
            keepCrops(image, results.get(results.size() - 1));
            keepErrors(image, results.get(results.size() - 1));
        }
        return finish(results, examples, millis);
    }

    /** Cuts out, while there is room, missed objects and wrong detections at the reporting threshold. */
    private void keepErrors(BufferedImage image, ImageResult result) {
        ImageResult published = result.atOrAbove(reportThreshold);
        FrameErrors errors = FrameErrors.of(published, iouThreshold);
        errors.missed().stream().limit(ERROR_CROPS_PER_FRAME).forEach(t -> {
            if (missedCrops.size() < ERROR_CROPS) {
                missedCrops.add(new GalleryImage(crop(image, t), "missed " + t.label()));
            }
        });
        errors.wrong().stream().limit(ERROR_CROPS_PER_FRAME).forEach(p -> {
            if (wrongCrops.size() < ERROR_CROPS) {
                LabelledBox other = FrameErrors.takenFor(p, published.truth(), iouThreshold);
                String said = String.format(Locale.ROOT, "%s (%.2f)", p.label(), p.score());
                wrongCrops.add(new GalleryImage(crop(image, p.box()), other == null ? "false " + said
                        : other.label() + " as " + said));
            }
        });
    }

    /** Cuts out, while there is room, the ill-posed marks read as their digit and true digits of those classes. */
    private void keepCrops(BufferedImage image, ImageResult result) {
        for (IllPosedMarks.Reading r : IllPosedMarks.readings(result.atOrAbove(reportThreshold), iouThreshold)) {
            if (readingCrops.size() < READING_CROPS) {
                readingCrops.add(new GalleryImage(crop(image, r.mark()), String.format(Locale.ROOT,
                        "%s as %s (%.2f)", r.mark().label(), r.detection().label(), r.detection().score())));
            }
        }
        if (readingCrops.isEmpty()) {
            return;
        }
        for (LabelledBox t : result.truth()) {
            if (IllPosedMarks.READINGS.containsValue(t.label())
                    && digitCropsPerClass.getOrDefault(t.label(), 0) < DIGIT_CROPS_PER_CLASS) {
                digitCropsPerClass.merge(t.label(), 1, Integer::sum);
                digitCrops.add(new GalleryImage(crop(image, t), "digit " + t.label()));
            }
        }
    }

    /** A copy of {@code box} and a quarter of its size around it, clipped to the image. */
    private static BufferedImage crop(BufferedImage image, LabelledBox box) {
        double margin = 0.25 * Math.max(box.width(), box.height());
        int x1 = (int) Math.max(0, Math.floor(box.x1() - margin));
        int y1 = (int) Math.max(0, Math.floor(box.y1() - margin));
        int x2 = (int) Math.min(image.getWidth(), Math.ceil(box.x2() + margin));
        int y2 = (int) Math.min(image.getHeight(), Math.ceil(box.y2() + margin));
        BufferedImage out = new BufferedImage(Math.max(1, x2 - x1), Math.max(1, y2 - y1), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(image, -x1, -y1, null);
        } finally {
            g.dispose();
        }
        return out;
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

    private Outcome finish(List<ImageResult> results, List<ExampleFrame> examples, double millis) {
        List<String> labels = bundle.manifest().labels();
        DetectionEvaluation evaluation = evaluator.evaluate(results, labels);
        DetectionEvaluation published = evaluator.evaluate(results.stream().map(r -> r.atOrAbove(reportThreshold))
                .toList(), labels);
        ConfusionTable confusion = ConfusionTable.of(results, labels, reportThreshold, iouThreshold);
        List<ImageResult> lenient = results.stream().map(r -> IllPosedMarks.withoutReadings(r, iouThreshold)).toList();
        int marks = (int) results.stream().flatMap(r -> r.marks().stream())
                .filter(m -> IllPosedMarks.READINGS.containsKey(m.label())).count();
        int readings = results.stream().mapToInt(r -> IllPosedMarks.readings(r.atOrAbove(reportThreshold),
                iouThreshold).size()).sum();
        IllPosedScores illPosed = new IllPosedScores(marks, readings, evaluator.evaluate(lenient, labels),
                evaluator.evaluate(lenient.stream().map(r -> r.atOrAbove(reportThreshold)).toList(), labels),
                readingCrops, digitCrops);
        return new Outcome(evaluation, examples, results.isEmpty() ? 0 : millis / results.size(), published, confusion,
                illPosed, new ErrorPictures(missedCrops, wrongCrops));
    }

    @Override
    public void close() {
        detector.close();
    }
}
