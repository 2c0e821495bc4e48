package dev.edgevision.core.model;

import java.util.List;
import java.util.Objects;

/**
 * The bounds a manifest's numbers must keep so that a device can allocate and compute with them:
 * input and output sizes a board can hold, normalisation that keeps values finite, and as many
 * labels as the classifier has classes. Each problem names the field, what was found and what is
 * expected.
 */
final class ManifestLimits {
    /** Largest input side in pixels. */
    static final int MAX_SIDE = 8192;
    /** Most channels an image input has. */
    static final int MAX_CHANNELS = 4;
    /**
     * Most values one sample of one tensor may hold (16 M floats, 64 MB): a 1280 x 1280 RGB input
     * holds 4.9 M; runners allocate a batch of samples at once and must stay within an int.
     */
    static final long MAX_VALUES = 1L << 24;
    /** Smallest |std|: anything smaller blows pixels up past float range and scores become NaN. */
    static final double MIN_STD = 1e-3;
    /** Largest |mean| and |value_range| end; pixels are scaled to a small range. */
    static final double MAX_LEVEL = 1e4;

    private ManifestLimits() {
    }

    /** False (with the problem added) when the input's size cannot be allocated. */
    static boolean checkInputShape(InputSpec input, List<String> problems) {
        Integer batch = input.shape().get(0);
        if (batch != -1 && batch < 1) {
            problems.add("input.shape has batch " + batch + "; expected -1 (any) or a positive size");
            return false;
        }
        if (input.height() > MAX_SIDE || input.width() > MAX_SIDE) {
            problems.add("input.shape " + input.shape() + " is " + input.width() + " x " + input.height()
                    + " pixels; expected at most " + MAX_SIDE + " on a side");
            return false;
        }
        if (input.channels() > MAX_CHANNELS) {
            problems.add("input.shape " + input.shape() + " has " + input.channels() + " channels; expected 1 or 3");
            return false;
        }
        long values = (long) input.channels() * input.height() * input.width();
        if (values > MAX_VALUES) {
            problems.add("input.shape " + input.shape() + " holds " + values + " values a sample; expected at most "
                    + MAX_VALUES);
            return false;
        }
        return true;
    }

    static void checkOutputs(List<OutputSpec> outputs, List<String> problems) {
        for (int i = 0; i < outputs.size(); i++) {
            OutputSpec o = outputs.get(i);
            String key = "outputs[" + i + "]" + (o == null || o.name() == null ? "" : " '" + o.name() + "'");
            if (o == null || o.name() == null || o.name().isBlank()) {
                problems.add(key + " has no name");
                continue;
            }
            List<Integer> shape = o.shape();
            if (shape == null || shape.isEmpty() || shape.size() > 6 || shape.stream().anyMatch(Objects::isNull)) {
                problems.add(key + ".shape must list 1 to 6 dimensions with batch first, got " + shape);
                continue;
            }
            long values = 1;
            for (int d = 1; d < shape.size(); d++) {
                int dim = shape.get(d);
                if (dim == 0 || dim < -1) {
                    problems.add(key + ".shape " + shape + " has dimension " + dim + "; expected a positive size"
                            + " (or -1 where the graph leaves it open)");
                    values = -1;
                    break;
                }
                values = dim < 0 ? values : values * dim;
                if (values > MAX_VALUES) {
                    break;
                }
            }
            if (values > MAX_VALUES) {
                problems.add(key + ".shape " + shape + " holds more than " + MAX_VALUES + " values a sample; expected"
                        + " an output a device can hold");
            }
        }
    }

    static void checkValueRange(List<Double> range, List<String> problems) {
        Double lo = range.get(0);
        Double hi = range.get(1);
        if (lo == null || hi == null || !Double.isFinite(lo) || !Double.isFinite(hi) || !(lo < hi)
                || Math.abs(lo) > MAX_LEVEL || Math.abs(hi) > MAX_LEVEL) {
            problems.add("input.value_range " + range + " must be two finite numbers, low below high, within +-"
                    + MAX_LEVEL + " (e.g. [0, 1])");
        }
    }

    static void checkNormalisation(InputSpec input, List<String> problems) {
        for (int c = 0; c < input.std().size(); c++) {
            double std = input.std().get(c);
            Double mean = input.mean().get(c);
            if (!Double.isFinite(std) || Math.abs(std) < MIN_STD) {
                problems.add("input.std[" + c + "] is " + std + "; expected a finite value of at least " + MIN_STD
                        + " in size (e.g. 0.229), or scores overflow to NaN");
            }
            if (mean == null || !Double.isFinite(mean) || Math.abs(mean) > MAX_LEVEL) {
                problems.add("input.mean[" + c + "] is " + mean + "; expected a finite value within +-" + MAX_LEVEL);
            }
        }
    }

    /** A classifier's decoder output must have one value per label. */
    static void checkClassCount(ModelManifest m, List<String> problems) {
        String name = m.decoder().output();
        OutputSpec out = m.outputs().stream().filter(o -> o != null && Objects.equals(name, o.name())).findFirst()
                .orElse(null);
        if (out == null || out.shape() == null || out.shape().size() < 2
                || out.shape().stream().skip(1).anyMatch(d -> d == null || d <= 0)) {
            return;
        }
        long classes = out.shape().stream().skip(1).mapToLong(Integer::longValue).reduce(1, (a, b) -> a * b);
        if (classes != m.labels().size()) {
            problems.add("labels has " + m.labels().size() + " entries but output '" + name + "' has " + classes
                    + " classes (shape " + out.shape() + "); give one label per class, in the model's class order");
        }
    }
}
