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
            if (!glyphs.hasInk(glyph) || !(bitmap
                    ? raster.drawBitmap(glyphs, glyph, height, angle, random.nextDouble() - 0.5, random.nextDouble() - 0.5)
                    : raster.draw(glyphs, glyph, height, pen, angle, profile,
                    random.nextDouble() - 0.5, random.nextDouble() - 0.5))) {
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
