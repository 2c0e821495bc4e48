package dev.edgevision.trainer.detector.train;

import dev.edgevision.core.model.InputSpec;
import dev.edgevision.core.model.Polarity;
import dev.edgevision.core.preprocess.FrameResizer;
import dev.edgevision.trainer.detector.labels.LabelledBox;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link LabelledFrame} into what the network trains on, exactly as a device prepares its
 * frames: the frame goes through the same {@link FrameResizer} the device uses (letterbox into the
 * model input), and the boxes go through the same scale and padding into model-input pixels.
 */
public final class InputEncoder {
    /** A box in model-input pixels with its class id. */
    public record InputBox(int classId, double x1, double y1, double x2, double y2) {
    }

    private final InputSpec spec;
    private final FrameResizer resizer;
    private final List<String> classes;

    /**
     * @param spec the model input (its resize must be letterbox or stretch)
     * @param framePolarity ink polarity of the frames the sources make
     */
    public InputEncoder(InputSpec spec, Polarity framePolarity, List<String> classes) {
        this.spec = spec;
        this.resizer = new FrameResizer(spec, framePolarity);
        this.classes = List.copyOf(classes);
    }

    /** Number of floats one example takes. */
    public int inputSize() {
        return spec.channels() * spec.height() * spec.width();
    }

    /** Writes the model input of {@code example} at {@code offset} and returns its boxes in input pixels. */
    public List<InputBox> encode(LabelledFrame example, float[] target, int offset) {
        resizer.fill(example.frame(), target, offset);
        int fw = example.frame().width();
        int fh = example.frame().height();
        boolean letterbox = "letterbox".equals(spec.resize());
        double sx = (double) fw / spec.width();
        double sy = (double) fh / spec.height();
        double scaleX = letterbox ? Math.max(sx, sy) : sx;
        double scaleY = letterbox ? scaleX : sy;
        double padX = letterbox ? (spec.width() - (int) Math.round(fw / scaleX)) / 2 : 0;
        double padY = letterbox ? (spec.height() - (int) Math.round(fh / scaleY)) / 2 : 0;
        List<InputBox> boxes = new ArrayList<>(example.boxes().size());
        for (LabelledBox b : example.boxes()) {
            int id = classes.indexOf(b.label());
            if (id < 0) {
                throw new IllegalArgumentException("label '" + b.label() + "' is not one of " + classes);
            }
            boxes.add(new InputBox(id, b.x1() / scaleX + padX, b.y1() / scaleY + padY,
                    b.x2() / scaleX + padX, b.y2() / scaleY + padY));
        }
        return boxes;
    }
}
