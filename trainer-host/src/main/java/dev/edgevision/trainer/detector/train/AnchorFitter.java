package dev.edgevision.trainer.detector.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fits anchor (prior) box sizes to a dataset's boxes with k-means under the distance
 * {@code 1 - IoU} of boxes sharing a centre, as YOLOv2 chose its priors; sizes are in grid cells.
 * Seeded (k-means++ start), so the same boxes give the same anchors.
 */
public final class AnchorFitter {
    private static final int ITERATIONS = 100;

    private AnchorFitter() {
    }

    /** Mean IoU of each size with its best anchor: how well the anchors cover the boxes. */
    public static double meanBestIou(List<double[]> sizes, List<double[]> anchors) {
        double total = 0;
        for (double[] s : sizes) {
            double best = 0;
            for (double[] a : anchors) {
                best = Math.max(best, iou(s, a));
            }
            total += best;
        }
        return sizes.isEmpty() ? 0 : total / sizes.size();
    }

    /**
     * @param sizes box sizes {@code [w, h]} in grid cells
     * @param k number of anchors
     * @return {@code k} anchors sorted by area
     */
    public static List<double[]> fit(List<double[]> sizes, int k, long seed) {
        if (sizes.size() < k) {
            throw new IllegalArgumentException("fitting " + k + " anchors needs at least " + k + " boxes, the data has "
                    + sizes.size());
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[][] centres = initialise(sizes, k, random);
        int[] assignment = new int[sizes.size()];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            boolean changed = assign(sizes, centres, assignment);
            update(sizes, centres, assignment);
            if (!changed && iteration > 0) {
                break;
            }
        }
        List<double[]> anchors = new ArrayList<>(Arrays.asList(centres));
        anchors.sort(Comparator.comparingDouble(a -> a[0] * a[1]));
        return anchors;
    }

    private static double[][] initialise(List<double[]> sizes, int k, SplittableRandom random) {
        double[][] centres = new double[k][];
        centres[0] = sizes.get(random.nextInt(sizes.size())).clone();
        double[] distance = new double[sizes.size()];
        for (int c = 1; c < k; c++) {
            double sum = 0;
            for (int i = 0; i < sizes.size(); i++) {
                double nearest = 1;
                for (int j = 0; j < c; j++) {
                    nearest = Math.min(nearest, 1 - iou(sizes.get(i), centres[j]));
                }
                distance[i] = nearest * nearest;
                sum += distance[i];
            }
            double pick = random.nextDouble() * sum;
            int chosen = 0;
            while (chosen < sizes.size() - 1 && (pick -= distance[chosen]) > 0) {
                chosen++;
            }
            centres[c] = sizes.get(chosen).clone();
        }
        return centres;
    }

    private static boolean assign(List<double[]> sizes, double[][] centres, int[] assignment) {
        boolean changed = false;
        for (int i = 0; i < sizes.size(); i++) {
            int best = 0;
            double bestIou = -1;
            for (int c = 0; c < centres.length; c++) {
                double v = iou(sizes.get(i), centres[c]);
                if (v > bestIou) {
                    bestIou = v;
                    best = c;
                }
            }
            changed |= assignment[i] != best;
            assignment[i] = best;
        }
        return changed;
    }

    private static void update(List<double[]> sizes, double[][] centres, int[] assignment) {
        double[][] sum = new double[centres.length][2];
        int[] count = new int[centres.length];
        for (int i = 0; i < sizes.size(); i++) {
            sum[assignment[i]][0] += sizes.get(i)[0];
            sum[assignment[i]][1] += sizes.get(i)[1];
            count[assignment[i]]++;
        }
        for (int c = 0; c < centres.length; c++) {
            if (count[c] > 0) {
                centres[c] = new double[] {sum[c][0] / count[c], sum[c][1] / count[c]};
            }
        }
    }

    /** IoU of two sizes placed on the same centre. */
    static double iou(double[] a, double[] b) {
        double inter = Math.min(a[0], b[0]) * Math.min(a[1], b[1]);
        return inter / (a[0] * a[1] + b[0] * b[1] - inter);
    }
}
