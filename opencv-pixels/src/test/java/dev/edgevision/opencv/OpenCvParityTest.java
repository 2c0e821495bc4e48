package dev.edgevision.opencv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.edgevision.camera.synthetic.SyntheticScene;
import dev.edgevision.core.detect.Detection;
import dev.edgevision.core.detect.Detector;
import dev.edgevision.core.detect.ModelIdentity;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.PixelFormat;
import dev.edgevision.core.inference.ObjectDetector;
import dev.edgevision.core.inference.RegionClassifier;
import dev.edgevision.core.model.InputSpec;
import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.core.model.Polarity;
import dev.edgevision.core.preprocess.FramePreprocessor;
import dev.edgevision.core.preprocess.Preprocessing;
import dev.edgevision.ort.OrtRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds the OpenCV pre-processing to the pure-Java reference. Tolerances: every tensor element
 * within {@value #MAX_LEVELS} pixel levels (OpenCV's fixed-point bilinear weights and rounded
 * luma against the reference's float weights and truncated luma), the mean difference within
 * {@value #MEAN_LEVELS} of a level (grey inputs sit half a level above the reference: OpenCV rounds
 * luma where the reference truncates it); the committed bundles' detections the same labels in the same
 * order, boxes within {@value #BOX_PIXELS} frame pixels and scores within {@value #SCORE} (the
 * classifier through each side's region finder too: {@link OpenCvRegionFinder} against the reference's).
 */
class OpenCvParityTest {
    static final double MAX_LEVELS = 2;
    static final double MEAN_LEVELS = 0.6;
    static final double BOX_PIXELS = 1.5;
    static final double SCORE = 0.03;
    private static final Path HOME = Path.of(System.getProperty("edgevision.home", ".."));

    @BeforeAll
    static void natives() {
        assumeTrue(OpenCvRuntime.available(), OpenCvRuntime::problem);
    }

    static List<Frame> frames(PixelFormat format, int count) {
        String f = format == PixelFormat.GRAY8 ? "gray" : format == PixelFormat.RGB24 ? "rgb" : "bgr";
        SyntheticScene scene = SyntheticScene.fromUri("synthetic://digits?width=640&height=480&seed=11&format=" + f);
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Frame frame = new Frame();
            scene.render(i + 1, frame);
            frames.add(frame);
        }
        return frames;
    }

    static InputSpec spec(int channels, String layout, String colour, String resize, List<Double> mean,
            List<Double> std, Polarity polarity, int w, int h) {
        List<Integer> shape = "NHWC".equals(layout) ? List.of(1, h, w, channels) : List.of(1, channels, h, w);
        return new InputSpec("input", shape, layout, "float32", colour, List.of(0.0, 1.0), mean, std, polarity, resize);
    }

    @Test
    void tensorsMatchTheReferenceForEveryLayoutColourAndResize() throws Exception {
        List<Double> m3 = List.of(0.485, 0.456, 0.406);
        List<Double> s3 = List.of(0.229, 0.224, 0.225);
        List<InputSpec> specs = List.of(
                ModelBundle.open(HOME.resolve("models/digit-detector.vbundle")).manifest().input(),
                spec(1, "NCHW", "grayscale", "stretch", List.of(0.0), List.of(1.0), Polarity.DARK_ON_LIGHT, 320, 240),
                spec(1, "NCHW", "grayscale", "letterbox", List.of(0.5), List.of(0.5), Polarity.LIGHT_ON_DARK, 256, 256),
                spec(3, "NCHW", "rgb", "letterbox", m3, s3, Polarity.NATURAL, 320, 320),
                spec(3, "NCHW", "bgr", "stretch", m3, s3, Polarity.NATURAL, 224, 224),
                spec(3, "NHWC", "rgb", "stretch", m3, s3, Polarity.NATURAL, 200, 150),
                spec(3, "NHWC", "bgr", "letterbox", List.of(0.5, 0.5, 0.5), List.of(0.5, 0.5, 0.5),
                        Polarity.NATURAL, 160, 160));
        Preprocessing opencv = new OpenCvPreprocessing();
        for (PixelFormat format : PixelFormat.values()) {
            for (InputSpec spec : specs) {
                try (FramePreprocessor reference = Preprocessing.java().open(spec, Polarity.DARK_ON_LIGHT);
                     FramePreprocessor candidate = opencv.open(spec, Polarity.DARK_ON_LIGHT)) {
                    int n = spec.channels() * spec.width() * spec.height();
                    float[] want = new float[n + 3];
                    float[] got = new float[n + 3];
                    for (Frame frame : frames(format, 3)) {
                        reference.fill(frame, want, 3);
                        candidate.fill(frame, got, 3);
                        double level = levelOf(spec);
                        double max = 0;
                        double sum = 0;
                        for (int i = 3; i < n + 3; i++) {
                            double d = Math.abs(want[i] - got[i]) / level;
                            max = Math.max(max, d);
                            sum += d;
                        }
                        String what = format + " frame into " + spec.layout() + " " + spec.colour() + " "
                                + spec.resize() + " " + spec.width() + "x" + spec.height();
                        assertTrue(max <= MAX_LEVELS + 1e-3, what + ": max difference " + max + " levels");
                        assertTrue(sum / n <= MEAN_LEVELS, what + ": mean difference " + sum / n + " levels");
                        assertEquals(reference.geometry(), candidate.geometry(), what);
                    }
                }
            }
        }
    }

    /** The input value of one pixel level, for the channel with the smallest std (the largest step). */
    private static double levelOf(InputSpec spec) {
        double minStd = spec.std().stream().mapToDouble(Double::doubleValue).min().orElse(1);
        return (spec.valueRange().get(1) - spec.valueRange().get(0)) / 255.0 / minStd;
    }

    @Test
    void greyMatchesTheReferenceWithinOneLevel() {
        InputSpec spec = spec(1, "NCHW", "grayscale", "mnist", List.of(0.0), List.of(1.0), Polarity.DARK_ON_LIGHT, 28, 28);
        try (FramePreprocessor reference = Preprocessing.java().open(spec, Polarity.NATURAL);
             FramePreprocessor candidate = new OpenCvPreprocessing().open(spec, Polarity.NATURAL)) {
            for (PixelFormat format : PixelFormat.values()) {
                Frame frame = frames(format, 1).get(0);
                byte[] want = new byte[640 * 480];
                byte[] got = new byte[640 * 480];
                reference.grey(frame, want);
                candidate.grey(frame, got);
                for (int i = 0; i < want.length; i++) {
                    assertTrue(Math.abs((want[i] & 0xFF) - (got[i] & 0xFF)) <= 1, format + " pixel " + i);
                }
            }
        }
    }

    @Test
    void theDetectorBundleFindsTheSameBoxesInFramePixels() throws Exception {
        ModelBundle bundle = ModelBundle.open(HOME.resolve("models/digit-detector.vbundle"));
        ModelIdentity id = new ModelIdentity(bundle.manifest().name(), bundle.manifest().version(), bundle.sha256());
        try (Detector reference = new ObjectDetector(new OrtRunner(bundle, 1, 1), bundle.manifest(), id, 0.3,
                Polarity.DARK_ON_LIGHT, "detector", Preprocessing.java());
             Detector candidate = new ObjectDetector(new OrtRunner(bundle, 1, 1), bundle.manifest(), id, 0.3,
                     Polarity.DARK_ON_LIGHT, "detector", new OpenCvPreprocessing())) {
            int boxes = compare(reference, candidate, frames(PixelFormat.BGR24, 12));
            assertTrue(boxes >= 12, "the detector found only " + boxes + " digits in 12 frames");
        }
    }

    @Test
    void theClassifierBundleNamesTheSameMarksInTheSameBoxes() throws Exception {
        ModelBundle bundle = ModelBundle.open(HOME.resolve("models/digits.vbundle"));
        ModelIdentity id = new ModelIdentity(bundle.manifest().name(), bundle.manifest().version(), bundle.sha256());
        try (Detector reference = new RegionClassifier(new OrtRunner(bundle, 32, 1), bundle.manifest(), id, 0.3,
                Preprocessing.java());
             Detector candidate = new RegionClassifier(new OrtRunner(bundle, 32, 1), bundle.manifest(), id, 0.3,
                     new OpenCvPreprocessing())) {
            int boxes = compare(reference, candidate, frames(PixelFormat.BGR24, 12));
            assertTrue(boxes >= 12, "the classifier named only " + boxes + " marks in 12 frames");
        }
    }

    /**
     * Asserts the same detections frame by frame, each matched to the candidate's nearest one of the
     * same label (two scores a rounding apart may come out in either order); returns how many there were.
     */
    private static int compare(Detector reference, Detector candidate, List<Frame> frames) throws Exception {
        int total = 0;
        for (Frame frame : frames) {
            List<Detection> want = reference.detect(frame).detections();
            List<Detection> got = new ArrayList<>(candidate.detect(frame).detections());
            assertEquals(want.size(), got.size(), "frame " + frame.sequence() + ": " + want + " vs " + got);
            for (int i = 0; i < want.size(); i++) {
                Detection w = want.get(i);
                Detection g = got.stream().filter(d -> d.label().equals(w.label()))
                        .min(Comparator.comparingDouble(d -> boxDistance(w, d))).orElse(null);
                String what = "frame " + frame.sequence() + " detection " + i + ": " + w + " vs " + (g == null ? got : g);
                assertTrue(g != null, what);
                got.remove(g);
                assertEquals(w.score(), g.score(), SCORE, what);
                assertEquals(w.box().x(), g.box().x(), BOX_PIXELS, what);
                assertEquals(w.box().y(), g.box().y(), BOX_PIXELS, what);
                assertEquals(w.box().w(), g.box().w(), BOX_PIXELS, what);
                assertEquals(w.box().h(), g.box().h(), BOX_PIXELS, what);
            }
            total += want.size();
        }
        return total;
    }

    private static double boxDistance(Detection a, Detection b) {
        return Math.abs(a.box().x() - b.box().x()) + Math.abs(a.box().y() - b.box().y())
                + Math.abs(a.box().w() - b.box().w()) + Math.abs(a.box().h() - b.box().h());
    }
}
