package dev.edgevision.trainer.detector.eval;

import dev.edgevision.trainer.detector.labels.LabelledBox;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which classes a detector takes for which, at one score threshold, with the two ways of being
 * wrong that are not a class: a detection on nothing (row {@link #MARK} when it lies on a recorded
 * non-object mark, {@link #BACKGROUND} otherwise) and a true object no detection found (column
 * {@link #MISSED}).
 *
 * <p>Within an image, detections at or above the threshold are taken from the highest score down;
 * each takes the still unmatched true box of any class it overlaps most, if by at least the IoU
 * threshold, and counts in that box's row under its own class. A detection that takes none counts
 * in row {@link #MARK} when a recorded mark's box holds at least half of it or overlaps it by the
 * IoU threshold, else in row {@link #BACKGROUND}. True boxes left over count under {@link #MISSED}.
 *
 * @param rows true classes in order, then {@link #MARK} and {@link #BACKGROUND}
 * @param columns predicted classes in order, then {@link #MISSED}
 * @param counts {@code counts[row][column]}
 * @param marksByKind recorded non-object marks per kind
 * @param falseByKind detections at or above the threshold on marks of each kind
 */
public record ConfusionTable(List<String> rows, List<String> columns, int[][] counts, Map<String, Integer> marksByKind,
        Map<String, Integer> falseByKind) {
    /** Row of detections on a recorded mark that is not an object (a circle taken for a zero). */
    public static final String MARK = "not an object: mark";
    /** Row of detections on nothing recorded. */
    public static final String BACKGROUND = "not an object: background";
    /** Column of true objects no detection found. */
    public static final String MISSED = "missed";

    /** Copies the lists, the maps and the counts. */
    public ConfusionTable {
        rows = List.copyOf(rows);
        columns = List.copyOf(columns);
        int[][] copy = new int[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        counts = copy;
        marksByKind = Map.copyOf(marksByKind);
        falseByKind = Map.copyOf(falseByKind);
    }

    /** The count of {@code row} taken for {@code column}; 0 for names not in the table. */
    public int count(String row, String column) {
        int r = rows.indexOf(row);
        int c = columns.indexOf(column);
        return r < 0 || c < 0 ? 0 : counts[r][c];
    }

    /** Tallies {@code images} with {@code classes} in order, at {@code scoreThreshold} and {@code iouThreshold}. */
    public static ConfusionTable of(List<ImageResult> images, List<String> classes, double scoreThreshold,
            double iouThreshold) {
        List<String> names = new ArrayList<>(classes);
        for (ImageResult image : images) {
            image.truth().forEach(t -> addIfNew(names, t.label()));
            image.predicted().forEach(p -> addIfNew(names, p.label()));
        }
        List<String> rows = new ArrayList<>(names);
        rows.add(MARK);
        rows.add(BACKGROUND);
        List<String> columns = new ArrayList<>(names);
        columns.add(MISSED);
        int[][] counts = new int[rows.size()][columns.size()];
        Map<String, Integer> marks = new LinkedHashMap<>();
        Map<String, Integer> falseByKind = new LinkedHashMap<>();
        for (ImageResult image : images) {
            image.marks().forEach(m -> marks.merge(m.label(), 1, Integer::sum));
            List<PredictedBox> kept = new ArrayList<>(image.predicted().stream()
                    .filter(p -> p.score() >= scoreThreshold).toList());
            kept.sort(Comparator.comparingDouble(PredictedBox::score).reversed());
            boolean[] taken = new boolean[image.truth().size()];
            for (PredictedBox p : kept) {
                int best = -1;
                double bestIou = iouThreshold;
                for (int t = 0; t < taken.length; t++) {
                    double iou = taken[t] ? 0 : p.iou(image.truth().get(t));
                    if (iou > bestIou || (best < 0 && iou >= bestIou && iou > 0)) {
                        best = t;
                        bestIou = iou;
                    }
                }
                int column = names.indexOf(p.label());
                if (best >= 0) {
                    taken[best] = true;
                    counts[names.indexOf(image.truth().get(best).label())][column]++;
                    continue;
                }
                LabelledBox mark = onMark(p, image.marks(), iouThreshold);
                if (mark != null) {
                    counts[rows.indexOf(MARK)][column]++;
                    falseByKind.merge(mark.label(), 1, Integer::sum);
                } else {
                    counts[rows.indexOf(BACKGROUND)][column]++;
                }
            }
            for (int t = 0; t < taken.length; t++) {
                if (!taken[t]) {
                    counts[names.indexOf(image.truth().get(t).label())][columns.size() - 1]++;
                }
            }
        }
        return new ConfusionTable(rows, columns, counts, marks, falseByKind);
    }

    /** The mark that holds at least half of {@code p}, or overlaps it by the IoU threshold, most; or null. */
    static LabelledBox onMark(PredictedBox p, List<LabelledBox> marks, double iouThreshold) {
        LabelledBox best = null;
        double bestShare = 0;
        double area = Math.max(1e-9, (p.x2() - p.x1()) * (p.y2() - p.y1()));
        for (LabelledBox m : marks) {
            double iw = Math.min(p.x2(), m.x2()) - Math.max(p.x1(), m.x1());
            double ih = Math.min(p.y2(), m.y2()) - Math.max(p.y1(), m.y1());
            double share = iw <= 0 || ih <= 0 ? 0 : iw * ih / area;
            if ((share >= 0.5 || p.iou(m) >= iouThreshold) && share > bestShare) {
                best = m;
                bestShare = share;
            }
        }
        return best;
    }

    /** Adds {@code label} to {@code names} unless it is there. */
    static void addIfNew(List<String> names, String label) {
        if (!names.contains(label)) {
            names.add(label);
        }
    }
}
