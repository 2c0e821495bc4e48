package dev.edgevision.trainer.testsets;

import dev.edgevision.trainer.detector.labels.LabelledBox;

/** Whether two boxes on a page come within a margin of each other. */
final class Overlap {
    private Overlap() {
    }

    /** True when {@code a} grown by {@code margin} px on every side meets {@code b}. */
    static boolean near(LabelledBox a, LabelledBox b, double margin) {
        return a.x1() - margin < b.x2() && b.x1() < a.x2() + margin
                && a.y1() - margin < b.y2() && b.y1() < a.y2() + margin;
    }
}
