package dev.edgevision.trainer.detector.eval;

import dev.edgevision.trainer.detector.labels.LabelledBox;

/** Detections for the scoring tests' hand-made fixtures. */
final class TestBoxes {
    private TestBoxes() {
    }

    /** A detection of {@code label} at {@code score} exactly on {@code b}. */
    static PredictedBox on(LabelledBox b, String label, double score) {
        return new PredictedBox(label, score, b.x1(), b.y1(), b.x2(), b.y2());
    }
}
