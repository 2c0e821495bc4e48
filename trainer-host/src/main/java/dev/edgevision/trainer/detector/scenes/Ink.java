package dev.edgevision.trainer.detector.scenes;

import java.util.SplittableRandom;

/**
 * What something is written with: its colour and how much of the paper's light it takes away
 * where it fully covers a pixel. The same choice serves digits and stray marks, so colour and
 * darkness never tell a digit from a scribble.
 *
 * @param colour reflectance of the ink
 * @param opacity 0..1
 */
record Ink(Colour colour, float opacity) {
    private static final Colour BLUE = new Colour(0.10f, 0.14f, 0.45f);
    private static final Colour BLACK = Colour.grey(0.06);
    private static final Colour GRAPHITE = new Colour(0.26f, 0.26f, 0.28f);
    private static final Colour RED = new Colour(0.55f, 0.08f, 0.08f);
    private static final Colour GREEN = new Colour(0.08f, 0.30f, 0.12f);

    /** A ballpoint, a felt pen, a pencil or now and then a coloured pen. */
    static Ink random(SplittableRandom random) {
        double kind = random.nextDouble();
        if (kind < 0.35) {
            return new Ink(BLUE.jitter(random, 0.08), opacity(random, 0.8, 1.0));
        }
        if (kind < 0.7) {
            return new Ink(BLACK.jitter(random, 0.06), opacity(random, 0.85, 1.0));
        }
        if (kind < 0.88) {
            return new Ink(GRAPHITE.jitter(random, 0.05), opacity(random, 0.55, 0.85));
        }
        return new Ink((random.nextBoolean() ? RED : GREEN).jitter(random, 0.08), opacity(random, 0.8, 1.0));
    }

    private static float opacity(SplittableRandom random, double lo, double hi) {
        return (float) (lo + (hi - lo) * random.nextDouble());
    }
}
