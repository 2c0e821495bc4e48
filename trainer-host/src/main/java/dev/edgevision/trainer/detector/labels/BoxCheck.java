package dev.edgevision.trainer.detector.labels;

import java.nio.file.Path;

/** The checks every format's boxes go through: inside the image (one pixel of slack), positive size. */
final class BoxCheck {
    private static final double SLACK = 1.0;

    private BoxCheck() {
    }

    /** Returns the box, clipped to the image, or null after recording why it cannot be used. */
    static LabelledBox check(LabelledBox box, int width, int height, Path file, int line, LabelProblems problems) {
        if (box.x2() <= box.x1() || box.y2() <= box.y1()) {
            problems.add(file, line, String.format("box of '%s' has no area (%.1f,%.1f to %.1f,%.1f)", box.label(),
                    box.x1(), box.y1(), box.x2(), box.y2()));
            return null;
        }
        if (box.x1() < -SLACK || box.y1() < -SLACK || box.x2() > width + SLACK || box.y2() > height + SLACK) {
            problems.add(file, line, String.format("box of '%s' (%.1f,%.1f to %.1f,%.1f) lies outside the %dx%d image",
                    box.label(), box.x1(), box.y1(), box.x2(), box.y2(), width, height));
            return null;
        }
        return new LabelledBox(box.label(), Math.max(0, box.x1()), Math.max(0, box.y1()), Math.min(width, box.x2()),
                Math.min(height, box.y2()));
    }
}
