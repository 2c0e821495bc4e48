package dev.edgevision.trainer.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a classifier did on a labelled set: the confusion matrix (rows true class, columns
 * predicted), mean cross-entropy, and the most confident mistakes.
 */
public final class ClassificationScore {
    private final List<String> labels;
    private final int[][] confusion;
    private final double meanLoss;
    private final List<Mistake> mistakes;

    /** A wrong answer: item index, true and predicted class, and the probability given to the prediction. */
    public record Mistake(int index, int trueClass, int predictedClass, double confidence) {
    }

    private ClassificationScore(List<String> labels, int[][] confusion, double meanLoss, List<Mistake> mistakes) {
        this.labels = labels;
        this.confusion = confusion;
        this.meanLoss = meanLoss;
        this.mistakes = mistakes;
    }

    /**
     * Scores class probabilities against true classes.
     *
     * @param probabilities one row of {@code labels.size()} probabilities per item, flattened
     * @param truth the true class of each item
     * @param labels class names by class id
     */
    public static ClassificationScore of(float[] probabilities, int[] truth, List<String> labels) {
        int classes = labels.size();
        if (probabilities.length != truth.length * classes) {
            throw new IllegalArgumentException(probabilities.length + " probabilities for " + truth.length
                    + " items of " + classes + " classes");
        }
        int[][] confusion = new int[classes][classes];
        double loss = 0;
        List<Mistake> mistakes = new ArrayList<>();
        for (int i = 0; i < truth.length; i++) {
            int predicted = argMax(probabilities, i * classes, classes);
            confusion[truth[i]][predicted]++;
            loss -= Math.log(Math.max(1e-12, probabilities[i * classes + truth[i]]));
            if (predicted != truth[i]) {
                mistakes.add(new Mistake(i, truth[i], predicted, probabilities[i * classes + predicted]));
            }
        }
        mistakes.sort(Comparator.comparingDouble(Mistake::confidence).reversed());
        return new ClassificationScore(List.copyOf(labels), confusion,
                truth.length == 0 ? Double.NaN : loss / truth.length, List.copyOf(mistakes));
    }

    static int argMax(float[] values, int offset, int length) {
        int best = 0;
        for (int c = 1; c < length; c++) {
            if (values[offset + c] > values[offset + best]) {
                best = c;
            }
        }
        return best;
    }

    public List<String> labels() {
        return labels;
    }

    /** Confusion counts, rows true class, columns predicted class (a copy). */
    public int[][] confusion() {
        int[][] copy = new int[confusion.length][];
        for (int i = 0; i < confusion.length; i++) {
            copy[i] = confusion[i].clone();
        }
        return copy;
    }

    public int count() {
        int total = 0;
        for (int[] row : confusion) {
            for (int v : row) {
                total += v;
            }
        }
        return total;
    }

    public int correct() {
        int total = 0;
        for (int i = 0; i < confusion.length; i++) {
            total += confusion[i][i];
        }
        return total;
    }

    public double accuracy() {
        int count = count();
        return count == 0 ? Double.NaN : (double) correct() / count;
    }

    /** Mean cross-entropy of the true class. */
    public double meanLoss() {
        return meanLoss;
    }

    /** Mistakes, most confident first. */
    public List<Mistake> mistakes() {
        return mistakes;
    }

    /** Items of class {@code c} in the set. */
    public int classCount(int c) {
        int total = 0;
        for (int v : confusion[c]) {
            total += v;
        }
        return total;
    }

    /** Share of class {@code c} items classified as {@code c} (recall). */
    public double classAccuracy(int c) {
        int n = classCount(c);
        return n == 0 ? Double.NaN : (double) confusion[c][c] / n;
    }

    /** Share of items predicted as {@code c} that are {@code c}. */
    public double classPrecision(int c) {
        int predicted = 0;
        for (int[] row : confusion) {
            predicted += row[c];
        }
        return predicted == 0 ? Double.NaN : (double) confusion[c][c] / predicted;
    }

    /** Per-class figures keyed by label, for JSON output. */
    public Map<String, Map<String, Object>> perClass() {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        for (int c = 0; c < labels.size(); c++) {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("count", classCount(c));
            figures.put("accuracy", round(classAccuracy(c)));
            figures.put("precision", round(classPrecision(c)));
            result.put(labels.get(c), figures);
        }
        return result;
    }

    static Object round(double v) {
        return Double.isNaN(v) ? null : Math.round(v * 1e6) / 1e6;
    }
}
