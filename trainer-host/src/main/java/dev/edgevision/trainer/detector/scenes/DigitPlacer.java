package dev.edgevision.trainer.detector.scenes;

import dev.edgevision.trainer.detector.labels.LabelledBox;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Chooses the digits of a scene and puts them on the page: which glyph, how tall (half of them
 * spread evenly on a log scale, so small digits are as common as large ones relative to their size,
 * half evenly on a linear scale, so large digits, which a camera close to the page sees, are
 * common too), turned how
 * far, written with what pen (stroke width 4-18 % of the height, from ballpoint to marker) and
 * ink; then a free place for it, on the page and overlapping the digits already there by at most
 * the allowed share. A digit that finds no place after a few tries is left out. The box reported
 * is the one measured on the digit's own ink.
 */
final class DigitPlacer {
    private static final String[] LABELS = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
    private static final int TRIES = 30;
    private static final int EDGE = 2;
    private static final double THINNEST_PEN = 1.6;
    private final GlyphBank glyphs;
    private final DigitRaster raster = new DigitRaster();

    DigitPlacer(GlyphBank glyphs) {
        this.glyphs = glyphs;
    }

    List<LabelledBox> place(Canvas canvas, Paper paper, EdgeProfile profile, SplittableRandom random, SceneSettings settings) {
        return place(canvas, paper, profile, random, settings, 0);
    }

    /** As {@link #place(Canvas, Paper, EdgeProfile, SplittableRandom, SceneSettings)}, {@code bitmaps} of the digits as upscaled bitmaps. */
    List<LabelledBox> place(Canvas canvas, Paper paper, EdgeProfile profile, SplittableRandom random, SceneSettings settings,
            double bitmaps) {
        boolean empty = random.nextDouble() < settings.emptyFraction();
        int count = empty ? 0 : settings.minDigits() + random.nextInt(settings.maxDigits() - settings.minDigits() + 1);
        List<LabelledBox> boxes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int glyph = random.nextInt(glyphs.size());
            double height = height(settings, random);
            double pen = Math.max(THINNEST_PEN, height * 0.04 * Math.pow(4.5, random.nextDouble()));
            double angle = Math.toRadians(settings.maxRotationDegrees() * (2 * random.nextDouble() - 1));
            Ink ink = Ink.random(random);
            boolean bitmap = bitmaps > 0 && random.nextDouble() < bitmaps;
            if (!drawGlyph(glyph, height, pen, angle, bitmap, profile, random)) {
                continue;
            }
            LabelledBox box = findPlace(canvas, paper, random, settings.maxOverlap(), boxes, LABELS[glyphs.label(glyph)]);
            if (box != null) {
                paint(canvas, (int) box.x1() - raster.boxLeft(), (int) box.y1() - raster.boxTop(), ink);
                boxes.add(box);
            }
        }
        return boxes;
    }

    /**
     * Adds {@code runs} numbers written as runs of 2-5 digits to {@code boxes}: one height, pen, ink
     * and way of drawing (skeleton or bitmap) per run, on a baseline tilted up to 6 degrees, each digit turned a little on its own and
     * starting where the previous one ends, up to 22 % of the narrower one into it (so strokes touch
     * or cross) or up to 8 % short of it. Each digit keeps its own box. A run stops at the first digit
     * that leaves the page or comes too close to a digit placed before the run.
     */
    void placeRuns(Canvas canvas, Paper paper, EdgeProfile profile, SplittableRandom random, SceneSettings settings,
            double bitmaps, int runs, List<LabelledBox> boxes) {
        for (int run = 0; run < runs; run++) {
            int length = 2 + random.nextInt(4);
            double height = height(settings, random);
            double pen = Math.max(THINNEST_PEN, height * 0.04 * Math.pow(4.5, random.nextDouble()));
            double tilt = Math.toRadians(12 * random.nextDouble() - 6);
            Ink ink = Ink.random(random);
            boolean bitmap = bitmaps > 0 && random.nextDouble() < bitmaps;
            double startX = 0;
            double baseline = 0;
            int before = boxes.size();
            LabelledBox previous = null;
            for (int k = 0; k < length; k++) {
                int glyph = random.nextInt(glyphs.size());
                double h = height * (0.9 + 0.2 * random.nextDouble());
                double angle = tilt + Math.toRadians(10 * random.nextDouble() - 5);
                if (!drawGlyph(glyph, h, pen, angle, bitmap, profile, random)) {
                    continue;
                }
                int boxW = raster.boxRight() - raster.boxLeft() + 1;
                int boxH = raster.boxBottom() - raster.boxTop() + 1;
                String label = LABELS[glyphs.label(glyph)];
                LabelledBox box = null;
                if (previous == null) {
                    for (int attempt = 0; attempt < TRIES && box == null; attempt++) {
                        startX = EDGE + (canvas.width() - 2 * EDGE - boxW) * random.nextDouble() * 0.75;
                        baseline = EDGE + boxH + (canvas.height() - 2 * EDGE - boxH) * random.nextDouble();
                        LabelledBox first = box(label, startX, baseline, boxW, boxH);
                        box = fitsRun(canvas, paper, first, null, boxes, settings.maxOverlap()) ? first : null;
                    }
                } else {
                    double into = 0.3 * random.nextDouble() - 0.08;
                    double x1 = previous.x2() - into * Math.min(previous.width(), boxW);
                    double y2 = baseline + (x1 - startX) * Math.tan(tilt) + height * 0.04 * random.nextGaussian();
                    LabelledBox next = box(label, x1, y2, boxW, boxH);
                    box = fitsRun(canvas, paper, next, previous, boxes.subList(0, before), settings.maxOverlap()) ? next : null;
                }
                if (box == null) {
                    break;
                }
                int left = (int) box.x1();
                int top = (int) box.y1();
                paint(canvas, left - raster.boxLeft(), top - raster.boxTop(), ink);
                boxes.add(box);
                previous = box;
            }
        }
    }

    /** Draws {@code glyph} into the raster as a bitmap or along its skeleton; false if it has no ink to draw. */
    private boolean drawGlyph(int glyph, double height, double pen, double angle, boolean bitmap, EdgeProfile profile,
            SplittableRandom random) {
        if (!glyphs.hasInk(glyph)) {
            return false;
        }
        return bitmap
                ? raster.drawBitmap(glyphs, glyph, height, angle, random.nextDouble() - 0.5, random.nextDouble() - 0.5)
                : raster.draw(glyphs, glyph, height, pen, angle, profile, random.nextDouble() - 0.5,
                        random.nextDouble() - 0.5);
    }

    /** A box with its left edge at {@code x1} and its bottom at {@code y2}, on whole pixels. */
    private static LabelledBox box(String label, double x1, double y2, int w, int h) {
        int left = (int) Math.round(x1);
        int top = (int) Math.round(y2) - h;
        return new LabelledBox(label, left, top, left + w, top + h);
    }

    private static boolean fitsRun(Canvas canvas, Paper paper, LabelledBox box, LabelledBox previous,
            List<LabelledBox> others, double maxOverlap) {
        return box.x1() >= EDGE && box.y1() >= EDGE && box.x2() <= canvas.width() - EDGE
                && box.y2() <= canvas.height() - EDGE && onPage(paper, box)
                && (previous == null || !tooClose(box, previous, 0.35))
                && others.stream().noneMatch(other -> tooClose(box, other, maxOverlap));
    }

    private static double height(SceneSettings settings, SplittableRandom random) {
        double min = settings.minDigitHeight();
        double max = settings.maxDigitHeight();
        double u = random.nextDouble();
        return random.nextBoolean() ? min * Math.pow(max / min, u) : min + (max - min) * u;
    }

        private LabelledBox findPlace(Canvas canvas, Paper paper, SplittableRandom random, double maxOverlap,
            List<LabelledBox> placed, String label) {
        int boxW = raster.boxRight() - raster.boxLeft() + 1;
        int boxH = raster.boxBottom() - raster.boxTop() + 1;
        int spanX = canvas.width() - 2 * EDGE - boxW;
        int spanY = canvas.height() - 2 * EDGE - boxH;
        if (spanX < 0 || spanY < 0) {
            return null;
        }
        for (int attempt = 0; attempt < TRIES; attempt++) {
            int x1 = EDGE + random.nextInt(spanX + 1);
            int y1 = EDGE + random.nextInt(spanY + 1);
            LabelledBox box = new LabelledBox(label, x1, y1, x1 + boxW, y1 + boxH);
            if (onPage(paper, box) && placed.stream().noneMatch(other -> tooClose(box, other, maxOverlap))) {
                return box;
            }
        }
        return null;
    }

    /** Whether all four corners of {@code b} lie on {@code paper}, 3 px in from its edge. */
    static boolean onPage(Paper paper, LabelledBox b) {
        double margin = 3;
        return paper.onPage(b.x1(), b.y1(), margin) && paper.onPage(b.x2(), b.y1(), margin)
                && paper.onPage(b.x1(), b.y2(), margin) && paper.onPage(b.x2(), b.y2(), margin);
    }

    /** Whether the boxes share more than {@code maxOverlap} of the smaller one's area. */
    static boolean tooClose(LabelledBox a, LabelledBox b, double maxOverlap) {
        double iw = Math.min(a.x2(), b.x2()) - Math.max(a.x1(), b.x1());
        double ih = Math.min(a.y2(), b.y2()) - Math.max(a.y1(), b.y1());
        if (iw <= 0 || ih <= 0) {
            return false;
        }
        double smaller = Math.min(a.width() * a.height(), b.width() * b.height());
        return iw * ih > maxOverlap * smaller;
    }

    /** Lays the raster's ink onto the canvas with its top-left corner at ({@code left}, {@code top}). */
    private void paint(Canvas canvas, int left, int top, Ink ink) {
        int w = canvas.width();
        for (int y = Math.max(0, -top); y < raster.height() && top + y < canvas.height(); y++) {
            int row = (top + y) * w;
            for (int x = Math.max(0, -left); x < raster.width() && left + x < w; x++) {
                float c = raster.coverage(x, y);
                if (c > 0) {
                    canvas.blend(row + left + x, c * ink.opacity(), ink.colour());
                }
            }
        }
    }
}
