package dev.edgevision.trainer.detector.scenes;

/**
 * How much of what a camera and a desk add to a clean page goes into a scene. Each effect is
 * drawn per scene: probabilities say how often it appears, strengths bound how strong it gets
 * (the strength of one scene is drawn between none and the bound).
 *
 * @param lighting 0..1: uneven light (gradient across the page, darker corners) and exposure spread
 * @param tint 0..1: colour cast of the light (warm lamp to cool daylight) and of the paper
 * @param blurProbability share of scenes out of focus
 * @param maxBlurSigma largest Gaussian blur, pixels
 * @param maxNoise largest sensor noise, standard deviation in grey levels
 * @param jpegProbability share of scenes with JPEG block artefacts
 * @param minJpegQuality lowest JPEG quality (1..100); the highest is 95
 * @param ruledProbability share of scenes on ruled or squared paper
 * @param maxDistractors most stray pen strokes and non-digit shapes in one scene
 * @param pageEdgeProbability share of scenes showing the page's edge and the desk beyond it
 * @param shadowProbability share of scenes with a soft shadow across the page
 */
public record Nuisances(double lighting, double tint, double blurProbability, double maxBlurSigma, double maxNoise,
        double jpegProbability, int minJpegQuality, double ruledProbability, int maxDistractors,
        double pageEdgeProbability, double shadowProbability) {
    /** Rejects values outside their ranges, naming the field. */
    public Nuisances {
        unit("lighting", lighting);
        unit("tint", tint);
        unit("blurProbability", blurProbability);
        range("maxBlurSigma", maxBlurSigma, 0, 5);
        range("maxNoise", maxNoise, 0, 50);
        unit("jpegProbability", jpegProbability);
        range("minJpegQuality", minJpegQuality, 1, 95);
        unit("ruledProbability", ruledProbability);
        range("maxDistractors", maxDistractors, 0, 50);
        unit("pageEdgeProbability", pageEdgeProbability);
        unit("shadowProbability", shadowProbability);
    }

    /** What a phone or webcam over a desk shows: every effect, at moderate strength. */
    public static Nuisances camera() {
        return new Nuisances(1, 1, 0.5, 1.6, 8, 0.4, 35, 0.35, 4, 0.3, 0.25);
    }

    /** A clean page under even white light: no effect at all (for tests and for looking at digits). */
    public static Nuisances none() {
        return new Nuisances(0, 0, 0, 0, 0, 0, 95, 0, 0, 0, 0);
    }

    private static void unit(String name, double value) {
        range(name, value, 0, 1);
    }

    private static void range(String name, double value, double lo, double hi) {
        if (!(value >= lo && value <= hi)) {
            throw new IllegalArgumentException("scene nuisance " + name + " must be in " + lo + ".." + hi + ", got " + value);
        }
    }
}
