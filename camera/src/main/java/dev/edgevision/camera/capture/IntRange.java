package dev.edgevision.camera.capture;

/**
 * An inclusive range of integers as URIs write it: {@code 1..6}, or {@code 4} for exactly four.
 *
 * @param min smallest value
 * @param max largest value, at least {@code min}
 */
public record IntRange(int min, int max) {
    public IntRange {
        if (max < min) {
            throw new IllegalArgumentException("range " + min + ".." + max + " is empty; write the smaller bound first");
        }
    }

    /** Parses {@code A..B} or {@code A}; throws {@link NumberFormatException} on anything else. */
    public static IntRange parse(String text) {
        int dots = text.indexOf("..");
        if (dots < 0) {
            int value = Integer.parseInt(text.strip());
            return new IntRange(value, value);
        }
        return new IntRange(Integer.parseInt(text.substring(0, dots).strip()),
                Integer.parseInt(text.substring(dots + 2).strip()));
    }

    public boolean contains(int value) {
        return value >= min && value <= max;
    }

    @Override
    public String toString() {
        return min == max ? Integer.toString(min) : min + ".." + max;
    }
}
