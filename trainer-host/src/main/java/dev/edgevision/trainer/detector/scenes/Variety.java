package dev.edgevision.trainer.detector.scenes;

/**
 * What the training generator varies beyond its {@link Nuisances}, so that a detector does not learn
 * one renderer: glyphs drawn as the raw bitmaps scaled up (soft, thick strokes, as a marker or a
 * blurred camera gives them) beside the pen skeletons, a colour jitter of the whole frame in HSV as
 * common YOLO trainers apply it, dense scenes of many small digits (a mosaic-like composition at
 * another scale), numbers written as runs of touching digits, and hard negatives: marks and
 * handwritten words that real pages have and that are not digits.
 *
 * @param bitmapGlyphs share of digits drawn as the upscaled bitmap instead of a pen along the skeleton
 * @param hueJitter largest hue shift, as a fraction of the colour circle (YOLO's default 0.015)
 * @param saturationJitter largest relative change of saturation (YOLO's default 0.7)
 * @param valueJitter largest relative change of brightness (YOLO's default 0.4)
 * @param denseScenes share of scenes with up to twice the digits at up to half the height
 * @param maxHardNegatives most hard negatives per scene ({@link HardNegatives}); drawn clear of the digits
 * @param digitRuns share of scenes with digits that also carry one or two runs of 2-5 touching digits, as
 *     numbers are written ("3326"), each digit with its own box
 * @param maxWords most handwritten words per scene ({@link HandWords}), hard negatives drawn clear of the digits
 * @param lookalikeWords share of those words written only in the letters most like digits (S B Z O I l o
 *     s z b g q), in either case and at a digit's height, as a page of notes has them beside its numbers
 */
public record Variety(double bitmapGlyphs, double hueJitter, double saturationJitter, double valueJitter,
        double denseScenes, int maxHardNegatives, double digitRuns, int maxWords,
        double lookalikeWords) {
    /** Rejects values outside their ranges, naming the field. */
    public Variety {
        range("bitmapGlyphs", bitmapGlyphs, 0, 1);
        range("hueJitter", hueJitter, 0, 0.5);
        range("saturationJitter", saturationJitter, 0, 1);
        range("valueJitter", valueJitter, 0, 1);
        range("denseScenes", denseScenes, 0, 1);
        range("maxHardNegatives", maxHardNegatives, 0, 50);
        range("digitRuns", digitRuns, 0, 1);
        range("maxWords", maxWords, 0, 50);
        range("lookalikeWords", lookalikeWords, 0, 1);
    }

    /** Nothing beyond the nuisances: the generator as the first digit detector was trained with. */
    public static Variety none() {
        return new Variety(0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /**
     * The defaults of the next training run: a third of the digits as upscaled bitmaps, HSV jitter
     * 0.015 / 0.7 / 0.4, one scene in six dense, up to 6 hard negatives per scene, touching digit runs
     * in three scenes of ten, up to 4 handwritten words per scene, half of them in the letters most
     * like digits.
     */
    public static Variety nextRun() {
        return new Variety(0.35, 0.015, 0.7, 0.4, 1 / 6.0, 6, 0.3, 4, 0.5);
    }

    /** Whether any of it is switched on. */
    public boolean any() {
        return !equals(none());
    }

    private static void range(String name, double value, double lo, double hi) {
        if (!(value >= lo && value <= hi)) {
            throw new IllegalArgumentException("generator variety " + name + " must be in " + lo + ".." + hi
                    + ", got " + value);
        }
    }
}
