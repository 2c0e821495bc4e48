package dev.edgevision.trainer.classifier;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.idx.DigitSet;
import dev.edgevision.core.model.Polarity;
import dev.edgevision.core.preprocess.DigitRegionFinder;
import dev.edgevision.core.preprocess.FramePreprocessor;
import dev.edgevision.core.preprocess.MnistFit;
import dev.edgevision.core.preprocess.Preprocessing;
import dev.edgevision.core.preprocess.Region;
import dev.edgevision.trainer.bundle.DigitClassifierBundle;
import dev.edgevision.trainer.detector.labels.LabelledBox;
import dev.edgevision.trainer.detector.scenes.DigitSceneGenerator;
import dev.edgevision.trainer.detector.scenes.Scene;
import dev.edgevision.trainer.detector.scenes.SceneSettings;
import dev.edgevision.trainer.detector.scenes.Variety;
import java.util.function.IntConsumer;

/**
 * Examples of the classifier's reject class, cut the way a device cuts them: camera-like pages
 * from the detector's training generator (with its hard negatives: circles, rings, ovals, bullets,
 * check boxes, arrows, underlines, crossings-out, letters, shapes, and its stray strokes and ruled
 * lines) are searched by the device's own region finder, and every mark it finds that touches no
 * digit is fitted into 28x28 by the device's own {@link MnistFit}. Marks that touch a digit are
 * left out (they are neither a clean digit nor clearly not one). The pages draw their digits from
 * the training split; none of the independent test renderers is used.
 */
public final class RejectMarks {
    /** Label of the examples in the returned set: {@link DigitLabels#REJECT}'s class id. */
    public static final int CLASS_ID = DigitLabels.WITH_REJECT.indexOf(DigitLabels.REJECT);
    private static final int SIDE = DigitClassifierNetwork.SIDE;
    /** Pixels of clearance between a kept mark and any digit box. */
    private static final int CLEARANCE = 3;

    private final DigitSceneGenerator generator;
    private final DigitRegionFinder finder = new DigitRegionFinder(DigitRegionFinder.Settings.defaults());

    /** Pages of 640x480 (the device's usual frame) with the training generator's full variety, digits from {@code digits}. */
    public RejectMarks(DigitSet digits) {
        this.generator = new DigitSceneGenerator(digits, SceneSettings.digits(), Variety.nextRun());
    }

    /**
     * {@code count} marks that are not digits, as 28x28 MNIST-style images (light ink on black)
     * labelled {@link #CLASS_ID}; pages are rendered from {@code seed} on until there are enough.
     *
     * @param progress told the number of marks so far after each page
     * @throws IllegalStateException if 50 pages per wanted mark yield too few (the generator makes no marks)
     */
    public DigitSet make(int count, long seed, IntConsumer progress) {
        if (count < 1) {
            throw new IllegalArgumentException("the number of reject marks must be at least 1, got " + count);
        }
        var manifest = DigitClassifierBundle.manifest("reject-marks", "0", java.util.Map.of(), DigitLabels.WITH_REJECT);
        MnistFit fit = new MnistFit(manifest.input());
        byte[] pixels = new byte[count * SIDE * SIDE];
        float[] fitted = new float[SIDE * SIDE];
        Frame frame = new Frame();
        byte[] gray = new byte[0];
        int made = 0;
        try (FramePreprocessor grey = Preprocessing.java().open(manifest.input(), Polarity.NATURAL)) {
            for (long page = 0; made < count; page++) {
                if (page > 50L * count) {
                    throw new IllegalStateException("only " + made + " marks that are not digits in " + page
                            + " generated pages; the generator draws too few");
                }
                Scene scene = generator.render(seed + page, frame);
                int n = frame.width() * frame.height();
                if (gray.length < n) {
                    gray = new byte[n];
                }
                grey.grey(frame, gray);
                for (Region r : finder.find(gray, frame.width(), frame.height())) {
                    if (made == count || touchesADigit(r, scene)) {
                        continue;
                    }
                    fit.fit(gray, frame.width(), r, fitted, 0);
                    int base = made * SIDE * SIDE;
                    for (int i = 0; i < fitted.length; i++) {
                        pixels[base + i] = (byte) Math.round(Math.max(0f, Math.min(1f, fitted[i])) * 255f);
                    }
                    made++;
                }
                progress.accept(made);
            }
        }
        byte[] labels = new byte[count];
        java.util.Arrays.fill(labels, (byte) CLASS_ID);
        return new DigitSet(pixels, labels, SIDE, SIDE, "reject marks (generator pages from seed " + seed + ")");
    }

    private static boolean touchesADigit(Region r, Scene scene) {
        for (LabelledBox b : scene.boxes()) {
            if (r.x() - CLEARANCE < b.x2() && b.x1() < r.x() + r.width() + CLEARANCE
                    && r.y() - CLEARANCE < b.y2() && b.y1() < r.y() + r.height() + CLEARANCE) {
                return true;
            }
        }
        return false;
    }
}
