package dev.edgevision.trainer.detector.eval;

import dev.edgevision.trainer.detector.labels.LabelledBox;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Marks that a careful reader may fairly take for a digit: a letter O written as round as many
 * zeros are, a small o at a digit's height, and a capital I or lower-case l drawn as the bar many
 * people write for a one. A detection that names such a mark as the digit it resembles is neither
 * right nor wrong, as VOC's "difficult" objects are: {@link #withoutReadings} leaves it out of the
 * scoring, while the same mark named as any other digit still counts as a false detection. Drawn
 * circles, lines and every other letter are not ill-posed: the scene sets draw them as shapes no
 * one writes for a digit.
 */
public final class IllPosedMarks {
    /** Each ill-posed kind of mark, with the one digit it can fairly be read as. */
    public static final Map<String, String> READINGS = Map.of(
            "letter-O", "0", "letter-o", "0", "letter-I", "1", "letter-l", "1");

    private IllPosedMarks() {
    }

    /**
     * A detection of {@code image} that names an ill-posed mark as its reading, with that mark.
     *
     * @param detection the detection
     * @param mark the mark it lies on
     */
    public record Reading(PredictedBox detection, LabelledBox mark) {
    }

    /**
     * The detections of {@code image} that lie on an ill-posed mark (the mark holds at least half of
     * the box, or overlaps it by {@code iouThreshold}), name the mark's reading, and overlap no true
     * box by {@code iouThreshold}; in the image's order.
     */
    public static List<Reading> readings(ImageResult image, double iouThreshold) {
        List<LabelledBox> illPosed = image.marks().stream().filter(m -> READINGS.containsKey(m.label())).toList();
        List<Reading> readings = new ArrayList<>();
        if (illPosed.isEmpty()) {
            return readings;
        }
        for (PredictedBox p : image.predicted()) {
            if (image.truth().stream().anyMatch(t -> p.iou(t) >= iouThreshold)) {
                continue;
            }
            LabelledBox mark = ConfusionTable.onMark(p, illPosed, iouThreshold);
            if (mark != null && READINGS.get(mark.label()).equals(p.label())) {
                readings.add(new Reading(p, mark));
            }
        }
        return readings;
    }

    /** {@code image} without its {@link #readings}: what is scored when ill-posed readings are let pass. */
    public static ImageResult withoutReadings(ImageResult image, double iouThreshold) {
        List<Reading> readings = readings(image, iouThreshold);
        if (readings.isEmpty()) {
            return image;
        }
        List<PredictedBox> kept = new ArrayList<>(image.predicted());
        readings.forEach(r -> kept.remove(r.detection()));
        return new ImageResult(kept, image.truth(), image.marks());
    }
}
