package dev.edgevision.trainer.detector.scenes.sets;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.trainer.detector.labels.LabelledBox;
import dev.edgevision.trainer.detector.scenes.Scene;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Scenes of digits written with handwriting fonts, drawn through Java2D: a page ({@link FontPage}:
 * paper tone and gradient, rules, sometimes its edge), 0-6 digits 30-150 px tall turned up to 20
 * degrees in one or two of the fonts, some made bolder with an outline stroke, marks that are not
 * digits ({@link FontMarks}: words in letters unlike digits, lines, curves, flat ellipses, crosses),
 * then light, blur, noise and a real JPEG round trip ({@link FontCamera}). Each digit's box is
 * measured on its own anti-aliased mask, before blur and noise. Nothing here is shared with the
 * training generator.
 */
public final class FontScenes implements SceneSource {
    private static final String[] LABELS = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
    private static final int TRIES = 30;
    private final List<Font> fonts;
    private final long seed;
    private final BufferedImage page;
    private final FontPage paper = new FontPage();
    private final FontCamera camera = new FontCamera();
    private final GlyphMask mask = new GlyphMask();

    /** Scenes of {@code width} x {@code height} with {@code fonts}, from the seed {@code seed}. */
    public FontScenes(List<Font> fonts, int width, int height, long seed) {
        if (fonts.isEmpty()) {
            throw new IllegalArgumentException("no font to write digits with");
        }
        this.fonts = List.copyOf(fonts);
        this.seed = seed;
        this.page = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    }

    @Override
    public Scene render(long index, Frame target) {
        SplittableRandom random = new SplittableRandom(SceneSeeds.of(seed, index));
        Graphics2D g = page.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        paper.draw(g, page.getWidth(), page.getHeight(), random);
        Font font = fonts.get(random.nextInt(fonts.size()));
        List<LabelledBox> boxes = digits(g, font, random);
        FontMarks.draw(g, font, page.getWidth(), page.getHeight(), random, boxes);
        camera.light(g, page.getWidth(), page.getHeight(), random);
        g.dispose();
        FrameImages.toFrame(camera.develop(page, random), target);
        return new Scene(target, boxes);
    }

    private List<LabelledBox> digits(Graphics2D g, Font sceneFont, SplittableRandom random) {
        int w = page.getWidth();
        int h = page.getHeight();
        int count = random.nextDouble() < 0.1 ? 0 : 1 + random.nextInt(6);
        int tallest = Math.max(12, Math.min(150, (int) (Math.min(w, h) * 0.6)));
        int shortest = Math.min(30, tallest);
        List<LabelledBox> boxes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int digit = random.nextInt(10);
            Font font = random.nextDouble() < 0.2 ? fonts.get(random.nextInt(fonts.size())) : sceneFont;
            double height = shortest + (tallest - shortest) * random.nextDouble();
            double angle = Math.toRadians(40 * random.nextDouble() - 20);
            double slant = 0.3 * random.nextDouble() - 0.1;
            float bold = random.nextDouble() < 0.4 ? (float) (0.5 + 0.05 * height * random.nextDouble()) : 0f;
            Color ink = FontMarks.ink(random);
            Shape glyph = outline(g, font, LABELS[digit], height, angle, slant);
            if (!mask.measure(glyph, bold)) {
                continue;
            }
            for (int attempt = 0; attempt < TRIES; attempt++) {
                int x1 = 2 + random.nextInt(Math.max(1, w - 4 - mask.boxWidth()));
                int y1 = 2 + random.nextInt(Math.max(1, h - 4 - mask.boxHeight()));
                LabelledBox box = new LabelledBox(LABELS[digit], x1, y1, x1 + mask.boxWidth(), y1 + mask.boxHeight());
                if (box.x2() <= w - 2 && box.y2() <= h - 2 && paper.holds(box) && boxes.stream().noneMatch(b -> crowded(b, box))) {
                    Shape placed = AffineTransform.getTranslateInstance(x1 - mask.boxLeft(), y1 - mask.boxTop())
                            .createTransformedShape(mask.shape());
                    g.setColor(ink);
                    g.fill(placed);
                    if (bold > 0) {
                        g.setStroke(new BasicStroke(bold, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                        g.draw(placed);
                    }
                    boxes.add(box);
                    break;
                }
            }
        }
        return boxes;
    }

    /** The outline of {@code text} in {@code font}, its ink {@code height} px tall, slanted and turned about its centre. */
    static Shape outline(Graphics2D g, Font font, String text, double height, double angle, double slant) {
        Shape raw = font.deriveFont(100f).createGlyphVector(g.getFontRenderContext(), text).getOutline();
        Rectangle2D bounds = raw.getBounds2D();
        double scale = height / Math.max(1, bounds.getHeight());
        AffineTransform t = new AffineTransform();
        t.rotate(angle);
        t.shear(-slant, 0);
        t.scale(scale, scale);
        t.translate(-bounds.getCenterX(), -bounds.getCenterY());
        return t.createTransformedShape(raw);
    }

    /** Whether two digit boxes share more than a tenth of the smaller one. */
    private static boolean crowded(LabelledBox a, LabelledBox b) {
        double iw = Math.min(a.x2(), b.x2()) - Math.max(a.x1(), b.x1());
        double ih = Math.min(a.y2(), b.y2()) - Math.max(a.y1(), b.y1());
        return iw > 0 && ih > 0 && iw * ih > 0.1 * Math.min(a.width() * a.height(), b.width() * b.height());
    }

    @Override
    public String description() {
        List<String> names = fonts.stream().map(Font::getFontName).toList();
        return "handwriting fonts " + names + " drawn with Java2D, " + page.getWidth() + "x" + page.getHeight()
                + ", seed " + seed;
    }
}
