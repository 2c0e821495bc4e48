package dev.edgevision.trainer.detector.scenes;

import java.util.SplittableRandom;

/**
 * The page under the digits: its colour, printed rules (lined or squared paper, a margin line),
 * and sometimes its edge, with the desk beyond it and the page's shadow on the desk. Remembers
 * where the page is, so digits are only placed on it.
 */
final class Paper {
    private static final Colour RULE_BLUE = new Colour(0.55f, 0.68f, 0.88f);
    private static final Colour RULE_GREY = Colour.grey(0.62);
    private static final Colour MARGIN_RED = new Colour(0.88f, 0.45f, 0.45f);
    private static final Colour[] DESKS = {
        new Colour(0.36f, 0.22f, 0.12f), new Colour(0.55f, 0.40f, 0.25f), Colour.grey(0.35), Colour.grey(0.08),
        Colour.grey(0.72), new Colour(0.20f, 0.25f, 0.32f)};
    private static final int SINE_STEPS = 1024;
    private final float[] sine = new float[SINE_STEPS];
    /** The page is where normalX * x + normalY * y >= offset (everywhere when there is no edge). */
    private double normalX;
    private double normalY;
    private double offset;

    Paper() {
        for (int i = 0; i < SINE_STEPS; i++) {
            sine[i] = (float) Math.sin(2 * Math.PI * i / SINE_STEPS);
        }
    }

    /** Paints a fresh page over the whole canvas. */
    void draw(Canvas canvas, SplittableRandom random, Nuisances nuisances, EdgeProfile profile) {
        double white = 0.86 + 0.1 * random.nextDouble();
        canvas.fill(Colour.grey(white).jitter(random, 0.03 * nuisances.tint()));
        if (random.nextDouble() < nuisances.ruledProbability()) {
            rules(canvas, random, profile);
        }
        normalX = 0;
        normalY = 0;
        offset = Double.NEGATIVE_INFINITY;
        if (random.nextDouble() < nuisances.pageEdgeProbability()) {
            edge(canvas, random, profile);
        }
    }

    /** Whether ({@code x}, {@code y}) lies on the page at least {@code margin} pixels from its edge. */
    boolean onPage(double x, double y, double margin) {
        return normalX * x + normalY * y - offset >= margin;
    }

    private void rules(Canvas canvas, SplittableRandom random, EdgeProfile profile) {
        double tilt = Math.toRadians(4 * random.nextDouble() - 2);
        boolean squared = random.nextDouble() < 0.35;
        double spacing = squared ? 14 + 16 * random.nextDouble() : 22 + 20 * random.nextDouble();
        double thickness = 0.7 + 1.3 * random.nextDouble();
        float strength = (float) (squared ? 0.2 + 0.3 * random.nextDouble() : 0.3 + 0.45 * random.nextDouble());
        Colour colour = random.nextBoolean() ? RULE_BLUE : RULE_GREY;
        double phase = spacing * random.nextDouble();
        for (double y0 = phase - spacing * 3; y0 < canvas.height() + spacing * 3; y0 += spacing) {
            horizontal(canvas, profile, y0, Math.tan(tilt), thickness, strength, colour);
        }
        if (squared) {
            double phaseX = spacing * random.nextDouble();
            for (double x0 = phaseX - spacing * 3; x0 < canvas.width() + spacing * 3; x0 += spacing) {
                vertical(canvas, profile, x0, -Math.tan(tilt), thickness, strength, colour);
            }
        } else if (random.nextDouble() < 0.4) {
            double x0 = canvas.width() * (0.05 + 0.15 * random.nextDouble());
            vertical(canvas, profile, x0, -Math.tan(tilt), thickness + 0.5, Math.min(1, strength + 0.2f), MARGIN_RED);
        }
    }

    /** A rule y = y0 + slope * x across the page. */
    private static void horizontal(Canvas canvas, EdgeProfile profile, double y0, double slope, double thickness, float strength, Colour c) {
        float half = (float) (thickness / 2);
        double reach = half + 3 * profile.spread() + 1;
        double across = 1 / Math.sqrt(1 + slope * slope);
        for (int x = 0; x < canvas.width(); x++) {
            double centre = y0 + slope * (x + 0.5);
            int ya = Math.max(0, (int) Math.floor(centre - reach));
            int yb = Math.min(canvas.height() - 1, (int) Math.ceil(centre + reach));
            for (int y = ya; y <= yb; y++) {
                float cover = profile.line((float) (Math.abs(y + 0.5 - centre) * across), half);
                canvas.blend(y * canvas.width() + x, cover * strength, c);
            }
        }
    }

    /** A rule x = x0 + slope * y down the page. */
    private static void vertical(Canvas canvas, EdgeProfile profile, double x0, double slope, double thickness, float strength, Colour c) {
        float half = (float) (thickness / 2);
        double reach = half + 3 * profile.spread() + 1;
        double across = 1 / Math.sqrt(1 + slope * slope);
        for (int y = 0; y < canvas.height(); y++) {
            double centre = x0 + slope * (y + 0.5);
            int xa = Math.max(0, (int) Math.floor(centre - reach));
            int xb = Math.min(canvas.width() - 1, (int) Math.ceil(centre + reach));
            for (int x = xa; x <= xb; x++) {
                float cover = profile.line((float) (Math.abs(x + 0.5 - centre) * across), half);
                canvas.blend(y * canvas.width() + x, cover * strength, c);
            }
        }
    }

    /** The page ends 4-22 % into the frame from one side, slightly askew; the desk shows beyond. */
    private void edge(Canvas canvas, SplittableRandom random, EdgeProfile profile) {
        int w = canvas.width();
        int h = canvas.height();
        int side = random.nextInt(4);
        double angle = side * Math.PI / 2 + Math.toRadians(24 * random.nextDouble() - 12);
        normalX = Math.cos(angle);
        normalY = Math.sin(angle);
        double depth = (side % 2 == 0 ? w : h) * (0.04 + 0.18 * random.nextDouble());
        double anchorX = side == 0 ? depth : side == 2 ? w - depth : w / 2.0;
        double anchorY = side == 1 ? depth : side == 3 ? h - depth : h / 2.0;
        offset = normalX * anchorX + normalY * anchorY;
        Colour desk = DESKS[random.nextInt(DESKS.length)].jitter(random, 0.05);
        double grainFreq = 0.02 + 0.08 * random.nextDouble();
        float grain = (float) (0.15 * random.nextDouble());
        double shadowWidth = 2 + 10 * random.nextDouble();
        double shadowDepth = 0.3 + 0.4 * random.nextDouble();
        double reach = 3 * profile.spread() + 1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double d = normalX * (x + 0.5) + normalY * (y + 0.5) - offset;
                if (d >= reach) {
                    continue;
                }
                double along = -normalY * x + normalX * y;
                double across = d;
                int phase = (int) ((across * grainFreq + 0.15 * sine[(int) (along * 0.01 * SINE_STEPS) & (SINE_STEPS - 1)])
                        * SINE_STEPS) & (SINE_STEPS - 1);
                float shade = (float) ((1 + grain * sine[phase]) * (1 - shadowDepth * Math.max(0, 1 + d / shadowWidth)));
                canvas.blend(y * w + x, profile.edge((float) -d), desk.r() * shade, desk.g() * shade, desk.b() * shade);
            }
        }
    }
}
