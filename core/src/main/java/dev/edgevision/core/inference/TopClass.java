package dev.edgevision.core.inference;

/**
 * The best class of one row of classifier output and its probability. With {@code logits} the row
 * holds raw scores and the probability is the softmax of the best; otherwise the row already holds
 * probabilities.
 *
 * @param classId index of the best class
 * @param score its probability in [0, 1]
 */
public record TopClass(int classId, double score) {
    /** Decodes {@code classes} values starting at {@code offset}. */
    public static TopClass of(float[] output, int offset, int classes, boolean logits) {
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (output[offset + c] > output[offset + best]) {
                best = c;
            }
        }
        if (!logits) {
            return new TopClass(best, output[offset + best]);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            sum += Math.exp(output[offset + c] - output[offset + best]);
        }
        return new TopClass(best, 1 / sum);
    }
}
