package dev.edgevision.camera.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Everything random about one scene, drawn from the seed and the scene's index alone, so any scene
 * can be planned again without the ones before it: the lighting, and which digit goes where.
 */
record ScenePlan(Lighting lighting, List<Placement> digits) {
    private static final int GAP = 4;
    private static final int EDGE = 2;
    private static final int TRIES = 25;

    /**
     * Paper lighting: {@code level(x, y) = base + gradientX * (x/W - 0.5) + gradientY * (y/H - 0.5)
     * - vignette * r2}, with r2 from 0 at the centre to 1 in the corners, times a per-channel tint.
     */
    record Lighting(float base, float gradientX, float gradientY, float vignette, float[] tintRgb, int noiseOffset) {
    }

    /**
     * One glyph placed on the paper: scaled by {@code scale} about its ink centre, rotated by
     * {@code angle} radians, centred at ({@code cx}, {@code cy}); [{@code left}, {@code right}] x
     * [{@code top}, {@code bottom}] holds every pixel it can touch.
     */
    record Placement(int glyph, int label, double scale, double angle, double cx, double cy,
            int left, int top, int right, int bottom, float opacity, int[] inkRgb) {
        boolean overlaps(Placement other) {
            return left - GAP <= other.right && other.left - GAP <= right
                    && top - GAP <= other.bottom && other.top - GAP <= bottom;
        }
    }

    static ScenePlan of(SceneSettings settings, Glyphs glyphs, long index, int noiseTableSize) {
        SplittableRandom random = new SplittableRandom(mix(settings.seed(), index));
        Lighting lighting = new Lighting(
                190 + 30 * (float) random.nextDouble(),
                24 * (float) random.nextDouble() - 12,
                24 * (float) random.nextDouble() - 12,
                25 * (float) random.nextDouble(),
                new float[] {tint(random), tint(random), tint(random)},
                random.nextInt(noiseTableSize));
        boolean blank = random.nextDouble() < settings.blank();
        int count = blank ? 0 : settings.digits().min() + random.nextInt(settings.digits().max() - settings.digits().min() + 1);
        List<Placement> placed = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Placement p = place(settings, glyphs, random, placed);
            if (p != null) {
                placed.add(p);
            }
        }
        return new ScenePlan(lighting, List.copyOf(placed));
    }

    private static float tint(SplittableRandom random) {
        return 0.92f + 0.08f * (float) random.nextDouble();
    }

    private static Placement place(SceneSettings settings, Glyphs glyphs, SplittableRandom random, List<Placement> placed) {
        int glyph = random.nextInt(glyphs.size());
        int height = settings.size().min() + random.nextInt(settings.size().max() - settings.size().min() + 1);
        double scale = height / (double) (glyphs.inkBottom(glyph) - glyphs.inkTop(glyph) + 1);
        double angle = Math.toRadians(settings.rotate() * (2 * random.nextDouble() - 1));
        float opacity = 0.88f + 0.09f * (float) random.nextDouble();
        int dark = 10 + random.nextInt(20);
        int[] ink = {dark + random.nextInt(16), dark + random.nextInt(16), dark + random.nextInt(16)};
        double[] half = halfExtents(glyphs, glyph, scale, angle, settings.blur());
        double minX = half[0] + EDGE;
        double maxX = settings.width() - half[0] - EDGE;
        double minY = half[1] + EDGE;
        double maxY = settings.height() - half[1] - EDGE;
        if (maxX < minX || maxY < minY) {
            return null;
        }
        for (int attempt = 0; attempt < TRIES; attempt++) {
            double cx = minX + (maxX - minX) * random.nextDouble();
            double cy = minY + (maxY - minY) * random.nextDouble();
            Placement candidate = new Placement(glyph, glyphs.label(glyph), scale, angle, cx, cy,
                    (int) Math.floor(cx - half[0]), (int) Math.floor(cy - half[1]),
                    (int) Math.ceil(cx + half[0]), (int) Math.ceil(cy + half[1]), opacity, ink);
            if (placed.stream().noneMatch(candidate::overlaps)) {
                return candidate;
            }
        }
        return null;
    }

    /** Half width and height of the area the glyph can touch: its ink box plus a source pixel, rotated, plus blur. */
    private static double[] halfExtents(Glyphs glyphs, int glyph, double scale, double angle, int blur) {
        double centreX = (glyphs.inkLeft(glyph) + glyphs.inkRight(glyph) + 1) / 2.0;
        double centreY = (glyphs.inkTop(glyph) + glyphs.inkBottom(glyph) + 1) / 2.0;
        double halfW = (glyphs.inkRight(glyph) + 2 - centreX) * scale;
        double halfH = (glyphs.inkBottom(glyph) + 2 - centreY) * scale;
        halfW = Math.max(halfW, (centreX - glyphs.inkLeft(glyph) + 1) * scale);
        halfH = Math.max(halfH, (centreY - glyphs.inkTop(glyph) + 1) * scale);
        double cos = Math.abs(Math.cos(angle));
        double sin = Math.abs(Math.sin(angle));
        double margin = blur + 1;
        return new double[] {halfW * cos + halfH * sin + margin, halfW * sin + halfH * cos + margin};
    }

    /** A well-spread 64-bit seed for scene {@code index} of the sequence seeded with {@code seed}. */
    static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
