package dev.edgevision.trainer.eval;

import dev.edgevision.trainer.detector.eval.FrameErrors;
import dev.edgevision.trainer.detector.eval.IllPosedMarks;
import dev.edgevision.trainer.detector.eval.ImageResult;
import dev.edgevision.trainer.detector.labels.LabelledBox;
import dev.edgevision.trainer.report.GalleryImage;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The pictures one scoring run cuts from its frames for the reports, up to a few of each kind:
 * ill-posed letters read as their digit with true digits of those classes beside them, and the
 * missed objects and wrong detections at the reporting threshold.
 */
final class ReportPictures {
    private static final int READING_CROPS = 16;
    private static final int DIGIT_CROPS_PER_CLASS = 4;
    private static final int ERROR_CROPS = 16;
    private static final int ERROR_CROPS_PER_FRAME = 2;
    private final double iouThreshold;
    private final List<GalleryImage> readings = new ArrayList<>();
    private final List<GalleryImage> digits = new ArrayList<>();
    private final Map<String, Integer> digitsPerClass = new HashMap<>();
    private final List<GalleryImage> missed = new ArrayList<>();
    private final List<GalleryImage> wrong = new ArrayList<>();

    ReportPictures(double iouThreshold) {
        this.iouThreshold = iouThreshold;
    }

    /** Cuts, while there is room, what {@code published} (one frame's detections at the threshold) shows from {@code image}. */
    void keep(BufferedImage image, ImageResult published) {
        keepReadings(image, published);
        keepErrors(image, published);
    }

    List<GalleryImage> readings() {
        return readings;
    }

    List<GalleryImage> digits() {
        return digits;
    }

    ErrorPictures errors() {
        return new ErrorPictures(missed, wrong);
    }

    private void keepReadings(BufferedImage image, ImageResult published) {
        for (IllPosedMarks.Reading r : IllPosedMarks.readings(published, iouThreshold)) {
            if (readings.size() < READING_CROPS) {
                readings.add(new GalleryImage(crop(image, r.mark()), String.format(Locale.ROOT,
                        "%s as %s (%.2f)", r.mark().label(), r.detection().label(), r.detection().score())));
            }
        }
        if (readings.isEmpty()) {
            return;
        }
        for (LabelledBox t : published.truth()) {
            if (IllPosedMarks.READINGS.containsValue(t.label())
                    && digitsPerClass.getOrDefault(t.label(), 0) < DIGIT_CROPS_PER_CLASS) {
                digitsPerClass.merge(t.label(), 1, Integer::sum);
                digits.add(new GalleryImage(crop(image, t), "digit " + t.label()));
            }
        }
    }

    private void keepErrors(BufferedImage image, ImageResult published) {
        FrameErrors errors = FrameErrors.of(published, iouThreshold);
        errors.missed().stream().limit(ERROR_CROPS_PER_FRAME).forEach(t -> {
            if (missed.size() < ERROR_CROPS) {
                missed.add(new GalleryImage(crop(image, t), "missed " + t.label()));
            }
        });
        errors.wrong().stream().limit(ERROR_CROPS_PER_FRAME).forEach(p -> {
            if (wrong.size() < ERROR_CROPS) {
                LabelledBox other = FrameErrors.takenFor(p, published.truth(), iouThreshold);
                String said = String.format(Locale.ROOT, "%s (%.2f)", p.label(), p.score());
                wrong.add(new GalleryImage(crop(image, p.box()), other == null ? "false " + said
                        : other.label() + " as " + said));
            }
        });
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
}
