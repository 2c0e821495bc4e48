package dev.edgevision.trainer.detector.labels;

/**
 * One labelled object in image pixels: left, top, right and bottom edges.
 *
 * @param label class name
 */
public record LabelledBox(String label, double x1, double y1, double x2, double y2) {
    public double width() {
        return x2 - x1;
    }

    public double height() {
        return y2 - y1;
    }
}
