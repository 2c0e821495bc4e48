package dev.edgevision.trainer.testsets;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.idx.DigitSet;
import dev.edgevision.trainer.detector.labels.LabelledBox;
import dev.edgevision.trainer.detector.scenes.Scene;
import dev.edgevision.trainer.detector.scenes.sets.FrameImages;
import dev.edgevision.trainer.detector.scenes.sets.SceneSource;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A notebook page of notes: ruled paper with a margin line, rows holding groups of held-out MNIST
 * digits sitting on the rules in ballpoint or pencil, words of the letters most like digits
 * (O o I l S B Z g q), check boxes (some ticked), bullets, underlines and crossed-out words. Every
 * mark that is not a digit is recorded with its kind. A fifth of the pages hold no digit at all.
 * Then uneven light, some blur, noise and JPEG at quality 70-95. None of the training generator's
 * code is used.
 */
public final class NotesScenes implements SceneSource {
    private static final String[] LABELS = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
    /** Soft coverage at which the pen ink reaches half: the smoothing of {@link #inkPen} maps 0.4 to 0.5. */
    private static final float HALF_INK = 0.4f;
    private final DigitSet digits;
    private final int width;
    private final int height;
    private final long seed;
    private List<LabelledBox> marks = List.of();

    /** Pages of {@code width} x {@code height} with digits from {@code digits} (use the test split). */
    public NotesScenes(DigitSet digits, int width, int height, long seed) {
        if (digits.size() == 0) {
            throw new IllegalArgumentException("no digits to write");
        }
        this.digits = digits;
        this.width = width;
        this.height = height;
        this.seed = seed;
    }

    /** The state of one page being written. */
    private final class Page {
        final BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        final Graphics2D g = image.createGraphics();
        final Random random;
        final List<LabelledBox> boxes = new ArrayList<>();
        final List<LabelledBox> marks = new ArrayList<>();
        final boolean withDigits;
        final int[] ink;
        final float pen;

        Page(Random random) {
            this.random = random;
            this.withDigits = random.nextDouble() >= 0.2;
            this.ink = switch (random.nextInt(3)) {
                case 0 -> new int[] {150 + random.nextInt(60), 40 + random.nextInt(40), 20 + random.nextInt(30)};
                case 1 -> new int[] {30 + random.nextInt(30), 25 + random.nextInt(30), 25 + random.nextInt(30)};
                default -> new int[] {90 + random.nextInt(40), 90 + random.nextInt(40), 90 + random.nextInt(40)};
            };
            this.pen = 1.5f + 2.5f * (float) random.nextDouble();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(ink[2], ink[1], ink[0]));
            g.setStroke(new BasicStroke(pen, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        }
    }

    @Override
    public Scene render(long index, Frame target) {
        Random random = new Random(seed * 2_147_483_647L + index * 104_729L + 5);
        Page page = new Page(random);
        int spacing = 42 + random.nextInt(30);
        int margin = 30 + random.nextInt(60);
        ruled(page, spacing, margin);
        for (int line = spacing * 2; line < height - spacing / 2; line += spacing) {
            if (random.nextDouble() < 0.55) {
                row(page, line, spacing, margin);
            }
        }
        page.g.dispose();
        light(page.image, random);
        if (random.nextDouble() < 0.4) {
            Photo.blur(page.image, 1);
        }
        Photo.noise(page.image, 1.5 + 3.5 * random.nextDouble(), random);
        FrameImages.toFrame(Photo.jpeg(page.image, (70 + random.nextInt(26)) / 100f), target);
        marks = List.copyOf(page.marks);
        return new Scene(target, page.boxes);
    }

    private void ruled(Page page, int spacing, int margin) {
        Graphics2D g = page.g;
        int shade = 232 + page.random.nextInt(24);
        g.setColor(new Color(shade, shade - page.random.nextInt(8), shade - 5 - page.random.nextInt(20)));
        g.fillRect(0, 0, width, height);
        g.setStroke(new BasicStroke(1f));
        g.setColor(new Color(150, 180, 225));
        for (int y = spacing * 2; y < height; y += spacing) {
            g.drawLine(0, y, width, y);
        }
        g.setColor(new Color(225, 120, 120));
        g.drawLine(margin, 0, margin, height);
        g.setColor(new Color(page.ink[2], page.ink[1], page.ink[0]));
        g.setStroke(new BasicStroke(page.pen, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    }

    /** One row of notes on the rule at {@code line}: items left to right until the row is full. */
    private void row(Page page, int line, int spacing, int margin) {
        Random r = page.random;
        double x = margin + 6 + r.nextInt(12);
        if (r.nextDouble() < 0.3) {
            double d = spacing * (0.15 + 0.12 * r.nextDouble());
            fill(page, new Ellipse2D.Double(x, line - spacing * 0.45 - d / 2, d, d), "bullet");
            x += d + spacing * 0.4;
        } else if (r.nextDouble() < 0.25) {
            double side = spacing * (0.55 + 0.2 * r.nextDouble());
            Path2D.Double box = new Path2D.Double(new Rectangle2D.Double(x, line - side - 2, side, side));
            if (r.nextBoolean()) {
                box.moveTo(x + side * 0.15, line - side * 0.55);
                box.lineTo(x + side * 0.45, line - side * 0.1);
                box.lineTo(x + side * 1.1, line - side * 1.3);
            }
            stroke(page, box, "checkbox");
            x += side + spacing * 0.5;
        }
        int items = 1 + r.nextInt(4);
        for (int item = 0; item < items && x < width - spacing * 2; item++) {
            double left = x;
            boolean digitGroup = page.withDigits && r.nextDouble() < 0.5;
            x = digitGroup ? digitGroup(page, x, line, spacing) : word(page, x, line, spacing);
            if (r.nextDouble() < 0.15 && x - left > 10) {
                double y = line + 3 + r.nextInt(4);
                stroke(page, new java.awt.geom.Line2D.Double(left, y, x, y + r.nextGaussian()), "underline");
            }
            x += spacing * (0.6 + r.nextDouble());
        }
    }

    private double digitGroup(Page page, double x, int line, int spacing) {
        Random r = page.random;
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n && x < width - spacing * 1.5; i++) {
            int index = r.nextInt(digits.size());
            double h = spacing * (0.55 + 0.35 * r.nextDouble());
            DigitStamp stamp = DigitStamp.of(digits, index, h, Math.toRadians(12 * r.nextDouble() - 6), 0.2 * r.nextDouble());
            if (!stamp.inked()) {
                continue;
            }
            int ox = (int) Math.round(x) - stamp.left;
            int oy = line - 1 - stamp.bottom;
            if (oy + stamp.top < 1 || ox + stamp.right >= width - 1) {
                break;
            }
            int[] box = inkBox(stamp, ox, oy);
            if (box != null && clear(page, box[0], box[1], box[2], box[3])) {
                inkPen(page, stamp, ox, oy);
                page.boxes.add(new LabelledBox(LABELS[digits.label(index)], box[0], box[1], box[2], box[3]));
                x = box[2] + 3 + spacing * 0.15 * r.nextDouble();
            }
        }
        return x;
    }

    /** Whether nothing is drawn yet within 2 px of the box. */
    private static boolean clear(Page page, double x1, double y1, double x2, double y2) {
        LabelledBox box = new LabelledBox("", x1, y1, x2, y2);
        return page.boxes.stream().noneMatch(b -> Overlap.near(b, box, 2))
                && page.marks.stream().noneMatch(b -> Overlap.near(b, box, 2));
    }

    /** The box of the pixels the stamp's pen ink covers at least half of (see {@link #inkPen}), or null. */
    private int[] inkBox(DigitStamp stamp, int ox, int oy) {
        int[] box = {width, height, 0, 0};
        for (int y = 0; y < stamp.height; y++) {
            for (int x = 0; x < stamp.width; x++) {
                int py = oy + y;
                int pxX = ox + x;
                if (stamp.alpha[y * stamp.width + x] >= HALF_INK && py >= 0 && py < height && pxX >= 0 && pxX < width) {
                    box[0] = Math.min(box[0], pxX);
                    box[1] = Math.min(box[1], py);
                    box[2] = Math.max(box[2], pxX + 1);
                    box[3] = Math.max(box[3], py + 1);
                }
            }
        }
        return box[2] > box[0] && box[3] > box[1] ? box : null;
    }

    /** Writes the stamp as pen ink: coverage 0.2..0.6 of the soft bitmap smoothed to 0..1, one colour. */
    private void inkPen(Page page, DigitStamp stamp, int ox, int oy) {
        byte[] px = Photo.pixels(page.image);
        for (int y = 0; y < stamp.height; y++) {
            int py = oy + y;
            for (int x = 0; x < stamp.width; x++) {
                int pxX = ox + x;
                float soft = stamp.alpha[y * stamp.width + x];
                if (soft <= 0.2f || py < 0 || py >= height || pxX < 0 || pxX >= width) {
                    continue;
                }
                double t = Math.min(1, (soft - 0.2) / 0.4);
                double a = t * t * (3 - 2 * t);
                int i = (py * width + pxX) * 3;
                for (int c = 0; c < 3; c++) {
                    px[i + c] = (byte) (int) Math.round((px[i + c] & 0xFF) * (1 - a) + page.ink[c] * a);
                }
            }
        }
    }

    /** A word of 1-4 letters like digits, crossed out one time in six; returns where it ends. */
    private double word(Page page, double x, int line, int spacing) {
        Random r = page.random;
        int n = 1 + r.nextInt(4);
        double start = x;
        double top = line;
        double bottom = line;
        for (int i = 0; i < n && x < width - spacing * 1.5; i++) {
            char c = PenLetters.ALL.charAt(r.nextInt(PenLetters.ALL.length()));
            double h = spacing * (0.5 + 0.3 * r.nextDouble());
            AffineTransform t = AffineTransform.getTranslateInstance(x, line - 1 - h);
            t.rotate(Math.toRadians(10 * r.nextDouble() - 5), PenLetters.width(c, h) / 2, h);
            t.shear(-0.15 * r.nextDouble(), 0);
            Shape letter = t.createTransformedShape(PenLetters.path(c, h));
            Rectangle2D bounds = letter.getBounds2D();
            if (!clear(page, bounds.getMinX() - page.pen, bounds.getMinY() - page.pen,
                    bounds.getMaxX() + page.pen, bounds.getMaxY() + page.pen)) {
                break;
            }
            Rectangle b = stroke(page, letter, "letter-" + c);
            top = Math.min(top, b.y);
            bottom = Math.max(bottom, b.y + b.height);
            x = b.x + b.width + 2 + spacing * 0.15 * r.nextDouble();
        }
        if (r.nextDouble() < 1 / 6.0 && x - start > 8) {
            Path2D.Double scribble = new Path2D.Double();
            scribble.moveTo(start - 2, (top + bottom) / 2);
            int zigs = 2 + r.nextInt(4);
            for (int k = 1; k <= zigs; k++) {
                scribble.lineTo(start + (x - start) * k / zigs, k % 2 == 0 ? top + 2 : bottom - 2);
            }
            stroke(page, scribble, "crossing-out");
        }
        return x;
    }

    private Rectangle stroke(Page page, Shape shape, String kind) {
        page.g.draw(shape);
        return record(page, page.g.getStroke() instanceof BasicStroke s
                ? s.createStrokedShape(shape).getBounds() : shape.getBounds(), kind);
    }

    private void fill(Page page, Shape shape, String kind) {
        page.g.fill(shape);
        record(page, shape.getBounds(), kind);
    }

    private Rectangle record(Page page, Rectangle b, String kind) {
        int x1 = Math.max(0, b.x);
        int y1 = Math.max(0, b.y);
        int x2 = Math.min(width, b.x + b.width);
        int y2 = Math.min(height, b.y + b.height);
        if (x2 > x1 && y2 > y1) {
            page.marks.add(new LabelledBox(kind, x1, y1, x2, y2));
        }
        return b;
    }

    /** Light falling off towards one corner, multiplied into the page. */
    private void light(BufferedImage image, Random random) {
        byte[] px = Photo.pixels(image);
        double cx = width * random.nextDouble();
        double cy = height * random.nextDouble();
        double strength = 0.35 * random.nextDouble();
        double gain = 0.75 + 0.3 * random.nextDouble();
        double diagonal = Math.hypot(width, height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double k = gain * (1 - strength * Math.hypot(x - cx, y - cy) / diagonal);
                int i = (y * width + x) * 3;
                for (int c = 0; c < 3; c++) {
                    px[i + c] = (byte) Math.max(0, Math.min(255, (int) ((px[i + c] & 0xFF) * k)));
                }
            }
        }
    }

    @Override
    public List<LabelledBox> lastMarks() {
        return marks;
    }

    @Override
    public String description() {
        return "notes: held-out digits from " + digits.origin() + " written on a ruled notebook page with letters,"
                + " check boxes, bullets, underlines and crossings-out, " + width + "x" + height + ", seed " + seed;
    }
}
