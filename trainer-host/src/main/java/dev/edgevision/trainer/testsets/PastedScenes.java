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
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Held-out MNIST digits alpha-pasted onto paper the simple way a script would: each bitmap scaled
 * up soft (bicubic) to 30-150 px, turned up to 15 degrees, and blended in dark, slightly coloured
 * ink at 75-100 % opacity onto tinted, unevenly lit paper, ruled in 40 % of the frames. Drawn lines
 * and circles (recorded as non-digit marks) share the page; then a box blur in half the frames,
 * sensor noise and JPEG at quality 60-95. 15 % of the frames hold no digit. Uses
 * {@link java.util.Random}, seeded per frame, and none of the training generator's code.
 */
public final class PastedScenes implements SceneSource {
    private static final String[] LABELS = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
    private static final int TRIES = 40;
    private final DigitSet digits;
    private final int width;
    private final int height;
    private final long seed;
    private List<LabelledBox> marks = List.of();

    /** Frames of {@code width} x {@code height} drawing {@code digits} (use the test split), from {@code seed}. */
    public PastedScenes(DigitSet digits, int width, int height, long seed) {
        if (digits.size() == 0) {
            throw new IllegalArgumentException("no digits to paste");
        }
        this.digits = digits;
        this.width = width;
        this.height = height;
        this.seed = seed;
    }

    @Override
    public Scene render(long index, Frame target) {
        Random random = new Random(seed * 1_000_003L + index * 7919L + 17);
        BufferedImage page = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        paper(page, random);
        List<LabelledBox> boxes = new ArrayList<>();
        int count = random.nextDouble() < 0.15 ? 0 : 1 + random.nextInt(6);
        int tallest = Math.max(16, Math.min(150, (int) (Math.min(width, height) * 0.6)));
        int shortest = Math.min(30, tallest);
        for (int i = 0; i < count; i++) {
            paste(page, random, shortest + random.nextInt(tallest - shortest + 1), boxes);
        }
        marks = marks(page, random, boxes);
        if (random.nextDouble() < 0.5) {
            Photo.blur(page, 1 + random.nextInt(2));
        }
        Photo.noise(page, 2 + 6 * random.nextDouble(), random);
        BufferedImage shot = Photo.jpeg(page, (60 + random.nextInt(36)) / 100f);
        FrameImages.toFrame(shot, target);
        return new Scene(target, boxes);
    }

    /** A tinted sheet lit from one side, darker away from a bright spot, ruled in 40 % of the frames. */
    private void paper(BufferedImage page, Random random) {
        double base = 175 + 75 * random.nextDouble();
        double[] tint = {1 - 0.12 * random.nextDouble(), 1 - 0.06 * random.nextDouble(), 1 - 0.1 * random.nextDouble()};
        double angle = 2 * Math.PI * random.nextDouble();
        double slope = 0.35 * random.nextDouble();
        double cx = width * random.nextDouble();
        double cy = height * random.nextDouble();
        double fall = 0.3 * random.nextDouble();
        double diagonal = Math.hypot(width, height);
        byte[] px = Photo.pixels(page);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double along = ((x - width / 2.0) * Math.cos(angle) + (y - height / 2.0) * Math.sin(angle)) / diagonal;
                double light = (1 + slope * along) * (1 - fall * Math.hypot(x - cx, y - cy) / diagonal);
                int i = (y * width + x) * 3;
                for (int c = 0; c < 3; c++) {
                    px[i + c] = (byte) Math.max(0, Math.min(255, (int) (base * tint[c] * light)));
                }
            }
        }
        if (random.nextDouble() < 0.4) {
            Graphics2D g = page.createGraphics();
            g.setColor(new Color(120 + random.nextInt(60), 150 + random.nextInt(50), 200 + random.nextInt(40), 150));
            g.setStroke(new BasicStroke(1 + random.nextInt(2)));
            int spacing = 22 + random.nextInt(20);
            for (int y = spacing / 2 + random.nextInt(spacing); y < height; y += spacing) {
                g.drawLine(0, y, width, y);
            }
            g.dispose();
        }
    }

    private void paste(BufferedImage page, Random random, int inkHeight, List<LabelledBox> boxes) {
        int index = random.nextInt(digits.size());
        DigitStamp stamp = DigitStamp.of(digits, index, inkHeight, Math.toRadians(30 * random.nextDouble() - 15), 0);
        if (!stamp.inked()) {
            return;
        }
        for (int attempt = 0; attempt < TRIES; attempt++) {
            int ox = random.nextInt(Math.max(1, width - stamp.width)) - stamp.left / 2;
            int oy = random.nextInt(Math.max(1, height - stamp.height)) - stamp.top / 2;
            LabelledBox box = new LabelledBox(LABELS[digits.label(index)], ox + stamp.left, oy + stamp.top,
                    ox + stamp.right, oy + stamp.bottom);
            if (box.x1() < 1 || box.y1() < 1 || box.x2() > width - 1 || box.y2() > height - 1
                    || boxes.stream().anyMatch(b -> Overlap.near(b, box, 4))) {
                continue;
            }
            int[] ink = darkInk(random);
            double opacity = 0.75 + 0.25 * random.nextDouble();
            blend(page, stamp, ox, oy, ink, opacity);
            boxes.add(box);
            return;
        }
    }

    /** Near-black ink with a slight colour: blue-black, brown-black, green-black or plain. */
    static int[] darkInk(Random random) {
        int level = 15 + random.nextInt(55);
        int[] bgr = {level, level, level};
        bgr[random.nextInt(3)] += 15 + random.nextInt(35);
        return bgr;
    }

    private void blend(BufferedImage page, DigitStamp stamp, int ox, int oy, int[] ink, double opacity) {
        byte[] px = Photo.pixels(page);
        for (int y = 0; y < stamp.height; y++) {
            int py = oy + y;
            if (py < 0 || py >= height) {
                continue;
            }
            for (int x = 0; x < stamp.width; x++) {
                int pxX = ox + x;
                float a = stamp.alpha[y * stamp.width + x];
                if (pxX < 0 || pxX >= width || a <= 0) {
                    continue;
                }
                double k = a * opacity;
                int i = (py * width + pxX) * 3;
                for (int c = 0; c < 3; c++) {
                    px[i + c] = (byte) (int) Math.round((px[i + c] & 0xFF) * (1 - k) + ink[c] * k);
                }
            }
        }
    }

    /** Up to 3 straight lines and 3 circles or rings, clear of the digits; their boxes. */
    private List<LabelledBox> marks(BufferedImage page, Random random, List<LabelledBox> digitsDrawn) {
        Graphics2D g = page.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        List<LabelledBox> drawn = new ArrayList<>();
        int lines = random.nextInt(4);
        int circles = random.nextInt(4);
        for (int i = 0; i < lines + circles; i++) {
            boolean circle = i >= lines;
            float stroke = 1.5f + 3.5f * (float) random.nextDouble();
            for (int attempt = 0; attempt < TRIES; attempt++) {
                java.awt.Shape shape;
                if (circle) {
                    double d = 20 + 120 * random.nextDouble();
                    double e = d * (0.8 + 0.4 * random.nextDouble());
                    shape = new Ellipse2D.Double(5 + (width - d - 10) * random.nextDouble(),
                            5 + (height - e - 10) * random.nextDouble(), d, e);
                } else {
                    double x = width * random.nextDouble();
                    double y = height * random.nextDouble();
                    double length = 40 + 200 * random.nextDouble();
                    double a = Math.PI * random.nextDouble();
                    shape = new Line2D.Double(x, y, x + length * Math.cos(a), y + length * Math.sin(a));
                }
                java.awt.Rectangle r = new BasicStroke(stroke).createStrokedShape(shape).getBounds();
                LabelledBox box = new LabelledBox(circle ? "circle" : "line", Math.max(0, r.x), Math.max(0, r.y),
                        Math.min(width, r.x + r.width), Math.min(height, r.y + r.height));
                if (digitsDrawn.stream().anyMatch(b -> Overlap.near(b, box, 3))) {
                    continue;
                }
                int[] ink = darkInk(random);
                g.setColor(new Color(ink[2], ink[1], ink[0]));
                g.setStroke(new BasicStroke(stroke, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(shape);
                drawn.add(box);
                break;
            }
        }
        g.dispose();
        return drawn;
    }

    @Override
    public List<LabelledBox> lastMarks() {
        return marks;
    }

    @Override
    public String description() {
        return "pasted: held-out digits from " + digits.origin() + " alpha-pasted as soft upscaled bitmaps on"
                + " tinted paper with lines and circles, " + width + "x" + height + ", seed " + seed;
    }
}
