package dev.edgevision.trainer.cli;

import java.util.ArrayList;
import java.util.List;

/** Parses and checks the option values of {@code trainer bundle}; errors name the option. */
final class BundleOptions {
    private BundleOptions() {
    }

    /** {@code 640x480} as [width, height], or null. */
    static int[] size(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            if (parts.length == 2) {
                int w = Integer.parseInt(parts[0].strip());
                int h = Integer.parseInt(parts[1].strip());
                if (w > 0 && h > 0 && w <= 8192 && h <= 8192) {
                    return new int[] {w, h};
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--input-size must be WIDTHxHEIGHT in pixels (1..8192), e.g. 640x640, got '"
                + text + "'");
    }

    /** {@code 0.485,0.456,0.406} as numbers, or null. */
    static List<Double> numbers(String option, String text) {
        if (text == null) {
            return null;
        }
        List<Double> values = new ArrayList<>();
        for (String part : text.split(",")) {
            try {
                double v = Double.parseDouble(part.strip());
                if (Double.isFinite(v)) {
                    values.add(v);
                    continue;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new UsageException(option + " takes numbers separated by commas, got '" + text + "'");
        }
        return values;
    }

    static Double fraction(String option, Double value) {
        if (value != null && !(value >= 0 && value <= 1)) {
            throw new UsageException(option + " must be in [0, 1], got " + value);
        }
        return value;
    }

    static Integer positive(Integer maxDetections) {
        if (maxDetections != null && (maxDetections < 1 || maxDetections > 10_000)) {
            throw new UsageException("--max-detections must be 1..10000, got " + maxDetections);
        }
        return maxDetections;
    }

    static String boxFormat(String format) {
        if (format != null && !format.equals("xyxy") && !format.equals("yxyx")) {
            throw new UsageException("--box-format must be xyxy or yxyx, got '" + format + "'");
        }
        return format;
    }

    /** {@code 1.5,2;3,3.5} as [[1.5, 2], [3, 3.5]], or null. */
    static List<List<Double>> anchors(String text) {
        if (text == null) {
            return null;
        }
        List<List<Double>> anchors = new ArrayList<>();
        for (String pair : text.split("[;\\s]+")) {
            String[] wh = pair.split(",");
            try {
                double w = Double.parseDouble(wh[0]);
                double h = wh.length == 2 ? Double.parseDouble(wh[1]) : Double.NaN;
                if (w > 0 && h > 0 && Double.isFinite(w) && Double.isFinite(h)) {
                    anchors.add(List.of(w, h));
                    continue;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new UsageException("--anchors must be W,H pairs of positive numbers in grid units separated by ';',"
                    + " e.g. 1.5,2;3,3.5, got '" + pair + "'");
        }
        return anchors;
    }
}
