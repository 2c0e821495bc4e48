package dev.edgevision.core.model;

/**
 * The value scaling an {@link InputSpec} declares, precomputed once as a 256-entry table per
 * channel, so turning a pixel into a model input is one array read. Polarity is applied on top:
 * when the frame's ink is the other way round from the model's training data, pixels are
 * inverted before scaling.
 */
public final class PixelScaling {
    private final float[][] tables;

    private PixelScaling(float[][] tables) {
        this.tables = tables;
    }

    /**
     * Builds the tables for {@code spec}, for frames whose ink/background polarity is
     * {@code framePolarity} (use {@link Polarity#NATURAL} when the frame needs no inversion).
     */
    public static PixelScaling of(InputSpec spec, Polarity framePolarity) {
        boolean invert = needsInversion(spec.polarity(), framePolarity);
        double lo = spec.valueRange().get(0);
        double hi = spec.valueRange().get(1);
        float[][] tables = new float[spec.channels()][256];
        for (int c = 0; c < tables.length; c++) {
            double mean = spec.mean().get(c);
            double std = spec.std().get(c);
            for (int p = 0; p < 256; p++) {
                int v = invert ? 255 - p : p;
                tables[c][p] = (float) (((v / 255.0) * (hi - lo) + lo - mean) / std);
            }
        }
        return new PixelScaling(tables);
    }

    /** Whether frames of {@code frame} polarity must be inverted for a model trained on {@code model}. */
    public static boolean needsInversion(Polarity model, Polarity frame) {
        return model != Polarity.NATURAL && frame != Polarity.NATURAL && model != frame;
    }

    /** The model input value for pixel value {@code pixel} (0..255) of {@code channel}. */
    public float scale(int channel, int pixel) {
        return tables[channel][pixel];
    }
}
