package dev.edgevision.core.detect.decode;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed, checked reading of a manifest's {@code decoder.parameters}: every accessor names the key
 * ({@code decoder.parameters.iou_threshold}) and the bad value in its error, and unknown keys are
 * refused so that a misspelt key does not silently fall back to a default.
 */
final class DecoderParameters {
    private final String source;
    private final String type;
    private final Map<String, Object> values;

    DecoderParameters(String source, String type, Map<String, Object> values) {
        this.source = source;
        this.type = type;
        this.values = values == null ? Map.of() : values;
    }

    /** Refuses keys this decoder type does not read. */
    void allowOnly(Set<String> known) throws DecoderException {
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                throw error(key, "is not a parameter of decoder '" + type + "' (it reads "
                        + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
    }

    boolean has(String key) {
        return values.get(key) != null;
    }

    double number(String key, double fallback, double min, double max) throws DecoderException {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Number n) || !(n.doubleValue() >= min && n.doubleValue() <= max)) {
            throw error(key, "must be a number in [" + fmt(min) + ", " + fmt(max) + "], got " + show(v));
        }
        return n.doubleValue();
    }

    int integer(String key, int fallback, int min, int max) throws DecoderException {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Integer || v instanceof Long) || ((Number) v).longValue() < min
                || ((Number) v).longValue() > max) {
            throw error(key, "must be a whole number in [" + min + ", " + max + "], got " + show(v));
        }
        return ((Number) v).intValue();
    }

    boolean bool(String key, boolean fallback) throws DecoderException {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Boolean b)) {
            throw error(key, "must be true or false, got " + show(v));
        }
        return b;
    }

    String choice(String key, String fallback, String... allowed) throws DecoderException {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof String s) || !List.of(allowed).contains(s)) {
            throw error(key, "must be one of " + String.join(", ", allowed) + ", got " + show(v));
        }
        return s;
    }

    String text(String key) throws DecoderException {
        Object v = values.get(key);
        if (!(v instanceof String s) || s.isBlank()) {
            throw error(key, v == null ? "is missing: name the output tensor" : "must be an output name, got " + show(v));
        }
        return s;
    }

    /** A [a, b] pair of positive numbers, or null when the key is absent. */
    double[] positivePair(String key) throws DecoderException {
        Object v = values.get(key);
        if (v == null) {
            return null;
        }
        double[] pair = pairOf(v);
        if (pair == null) {
            throw error(key, "must be a pair of positive numbers [x, y], got " + show(v));
        }
        return pair;
    }

    /** A non-empty list of [w, h] pairs of positive numbers. */
    double[][] pairs(String key, String meaning) throws DecoderException {
        Object v = values.get(key);
        if (v == null) {
            throw error(key, "is missing: give " + meaning + " as [[w, h], ...]");
        }
        if (!(v instanceof List<?> list) || list.isEmpty()) {
            throw error(key, "must be a non-empty list of [w, h] pairs (" + meaning + "), got " + show(v));
        }
        double[][] pairs = new double[list.size()][];
        for (int i = 0; i < list.size(); i++) {
            pairs[i] = pairOf(list.get(i));
            if (pairs[i] == null) {
                throw error(key, "entry " + i + " must be a pair of positive numbers [w, h], got " + show(list.get(i)));
            }
        }
        return pairs;
    }

    DecoderException error(String key, String problem) {
        return new DecoderException(source, "decoder.parameters." + key + " " + problem);
    }

    private static double[] pairOf(Object v) {
        if (!(v instanceof List<?> list) || list.size() != 2) {
            return null;
        }
        double[] pair = new double[2];
        for (int i = 0; i < 2; i++) {
            if (!(list.get(i) instanceof Number n) || !(n.doubleValue() > 0) || Double.isInfinite(n.doubleValue())) {
                return null;
            }
            pair[i] = n.doubleValue();
        }
        return pair;
    }

    private static String show(Object v) {
        return v instanceof String s ? "'" + s + "'" : String.valueOf(v);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
