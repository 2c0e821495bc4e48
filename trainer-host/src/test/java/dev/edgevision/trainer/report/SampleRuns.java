package dev.edgevision.trainer.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Made-up but plausible training runs for tests and the sample report. */
final class SampleRuns {
    static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    static final int[] TEST_PER_CLASS = {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009};
    /** Seven-segment layout per digit: top, top-right, bottom-right, bottom, bottom-left, top-left, middle. */
    private static final String[] SEGMENTS = {
        "abcdef", "bc", "abged", "abgcd", "fgbc", "afgcd", "afgedc", "abc", "abcdefg", "abcdfg"};

    private SampleRuns() {
    }

    static ClassifierRunSummary digitRun() {
        List<EpochRecord> epochs = new ArrayList<>();
        for (int e = 1; e <= 12; e++) {
            double t = e;
            double trainLoss = 0.02 + 0.42 * Math.exp(-0.45 * t);
            double validationLoss = 0.045 + 0.33 * Math.exp(-0.5 * t) + 0.0018 * Math.max(0, t - 9) * Math.max(0, t - 9);
            double validationAccuracy = 0.9905 - 0.16 * Math.exp(-0.55 * t) - 0.0006 * Math.max(0, t - 9);
            epochs.add(new EpochRecord(e, trainLoss, 1 - 0.9 * trainLoss / 4 - 0.002, validationLoss,
                    validationAccuracy, 41.3 + (e % 3) * 1.7));
        }
        int[][] confusion = confusion();
        return new ClassifierRunSummary("MNIST digits — run 2024-05-01 14:02", DIGITS, epochs, 9, confusion,
                total(TEST_PER_CLASS), accuracy(confusion), mistakes(), settings(), timings());
    }

    static int[][] confusion() {
        int[][] counts = new int[10][10];
        int[][] errors = {{4, 9, 7}, {7, 2, 6}, {9, 4, 5}, {5, 3, 4}, {8, 3, 4}, {3, 5, 3}, {7, 1, 4},
            {2, 7, 9}, {3, 8, 5}, {8, 9, 3}, {6, 0, 3}, {1, 8, 2}, {0, 6, 2}, {5, 6, 4}, {2, 8, 3}};
        for (int[] e : errors) {
            counts[e[0]][e[1]] += e[2];
        }
        for (int t = 0; t < 10; t++) {
            int wrong = 0;
            for (int p = 0; p < 10; p++) {
                wrong += counts[t][p];
            }
            counts[t][t] = TEST_PER_CLASS[t] - wrong;
        }
        return counts;
    }

    static List<Misclassified> mistakes() {
        Random random = new Random(7);
        int[][] pairs = {{4, 9}, {7, 2}, {5, 3}, {8, 3}, {9, 4}, {3, 5}, {2, 7}, {6, 0}, {7, 1}, {1, 8}};
        double[] confidence = {0.993, 0.981, 0.972, 0.958, 0.944, 0.927, 0.903, 0.881, 0.862, 0.845};
        List<Misclassified> mistakes = new ArrayList<>();
        for (int i = 0; i < pairs.length; i++) {
            mistakes.add(new Misclassified(digit(pairs[i][0], random), 28, 28,
                    Integer.toString(pairs[i][0]), Integer.toString(pairs[i][1]), confidence[i]));
        }
        return mistakes;
    }

    /** A 28x28 white-on-black digit drawn from jittered, slanted seven-segment strokes. */
    static byte[] digit(int digit, Random random) {
        BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(2.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.translate(14, 14);
        g.shear(-0.18 + random.nextDouble() * 0.12, 0);
        g.translate(-14, -14);
        for (char segment : SEGMENTS[digit].toCharArray()) {
            g.draw(segment(segment, random));
        }
        g.dispose();
        return (byte[]) image.getRaster().getDataElements(0, 0, 28, 28, null);
    }

    private static Line2D segment(char name, Random random) {
        double left = 9, right = 19, top = 5, middle = 14, bottom = 23;
        Line2D line = switch (name) {
            case 'a' -> new Line2D.Double(left, top, right, top);
            case 'b' -> new Line2D.Double(right, top, right, middle);
            case 'c' -> new Line2D.Double(right, middle, right, bottom);
            case 'd' -> new Line2D.Double(left, bottom, right, bottom);
            case 'e' -> new Line2D.Double(left, middle, left, bottom);
            case 'f' -> new Line2D.Double(left, top, left, middle);
            default -> new Line2D.Double(left, middle, right, middle);
        };
        line.setLine(line.getX1() + jitter(random), line.getY1() + jitter(random),
                line.getX2() + jitter(random), line.getY2() + jitter(random));
        return line;
    }

    private static double jitter(Random random) {
        return (random.nextDouble() - 0.5) * 1.6;
    }

    private static Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("network", "LeNet-5 style CNN: conv 5x5x20, max-pool, conv 5x5x50, max-pool, dense 500, softmax 10");
        settings.put("optimizer", "Adam, learning rate 0.001, β1 0.9, β2 0.999");
        settings.put("batch size", "64");
        settings.put("max epochs", "12, early stopping patience 3");
        settings.put("training / validation split", "54,000 / 6,000 (seed 42)");
        settings.put("input", "28x28 grayscale, scaled to [0, 1]");
        return settings;
    }

    private static Map<String, String> timings() {
        Map<String, String> timings = new LinkedHashMap<>();
        timings.put("loading data", "3.4 s");
        timings.put("training (12 epochs)", "8 min 29 s");
        timings.put("test evaluation", "2.1 s");
        timings.put("report", "0.3 s");
        timings.put(ClassifierReport.TOTAL_TIMING, "8 min 35 s");
        return timings;
    }

    private static int total(int[] counts) {
        int sum = 0;
        for (int c : counts) {
            sum += c;
        }
        return sum;
    }

    private static double accuracy(int[][] confusion) {
        long correct = 0;
        long all = 0;
        for (int t = 0; t < confusion.length; t++) {
            for (int p = 0; p < confusion.length; p++) {
                all += confusion[t][p];
                correct += t == p ? confusion[t][p] : 0;
            }
        }
        return (double) correct / all;
    }
}
