package dev.edgevision.trainer.detector.train;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.PixelFormat;
import dev.edgevision.trainer.detector.labels.LabelledBox;
import dev.edgevision.trainer.detector.labels.LabelledDataset;
import dev.edgevision.trainer.detector.labels.LabelledImage;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Training examples from a user's labelled images with the augmentation that suits objects seen
 * by a fixed camera: a random zoom (0.75 to 1.3) and shift, brightness and contrast changes, and a
 * mirror flip only when the classes allow it (a flipped digit or letter is another symbol). Boxes
 * follow the same transform; a box left less than 40 % visible is dropped.
 */
public final class LabelledImageSamples implements SampleSource {
    private static final double MIN_VISIBLE = 0.4;

    private final LabelledDataset dataset;
    private final List<LabelledImage> images;
    private final ImageCache cache;
    private final boolean flip;
    private final Frame frame = new Frame();
    private BufferedImage canvas;

    /**
     * @param images the images to draw from (a training or validation part of {@code dataset})
     * @param flip whether mirror flips are allowed
     */
    public LabelledImageSamples(LabelledDataset dataset, List<LabelledImage> images, boolean flip) {
        this(dataset, images, new ImageCache(), flip);
    }

    private LabelledImageSamples(LabelledDataset dataset, List<LabelledImage> images, ImageCache cache, boolean flip) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException(dataset.folder() + ": no labelled images to train on");
        }
        this.dataset = dataset;
        this.images = List.copyOf(images);
        this.cache = cache;
        this.flip = flip;
    }

    @Override
    public List<String> classes() {
        return dataset.classes();
    }

    @Override
    public SampleSource copy() {
        return new LabelledImageSamples(dataset, images, cache, flip);
    }

    @Override
    public LabelledFrame sample(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        LabelledImage item = images.get(random.nextInt(images.size()));
        BufferedImage source = cache.get(item.image());
        int w = source.getWidth();
        int h = source.getHeight();
        if (canvas == null || canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        }
        double scale = 0.75 + random.nextDouble() * 0.55;
        boolean mirror = flip && random.nextBoolean();
        double tx = (w - w * scale) * random.nextDouble();
        double ty = (h - h * scale) * random.nextDouble();
        AffineTransform transform = new AffineTransform();
        transform.translate(tx, ty);
        transform.scale(mirror ? -scale : scale, scale);
        if (mirror) {
            transform.translate(-w, 0);
        }
        Graphics2D g = canvas.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setColor(new java.awt.Color(114, 114, 114));
        g.fillRect(0, 0, w, h);
        g.drawImage(source, transform, null);
        g.dispose();
        byte[] pixels = ((DataBufferByte) canvas.getRaster().getDataBuffer()).getData();
        byte[] target = frame.reshape(w, h, PixelFormat.BGR24);
        double contrast = 0.7 + random.nextDouble() * 0.6;
        double brightness = (random.nextDouble() - 0.5) * 60;
        for (int i = 0; i < w * h * 3; i++) {
            double v = ((pixels[i] & 0xFF) - 128) * contrast + 128 + brightness;
            target[i] = (byte) Math.max(0, Math.min(255, (int) Math.round(v)));
        }
        return new LabelledFrame(frame, transformBoxes(item.boxes(), transform, w, h));
    }

    private static List<LabelledBox> transformBoxes(List<LabelledBox> boxes, AffineTransform t, int w, int h) {
        List<LabelledBox> out = new ArrayList<>(boxes.size());
        for (LabelledBox b : boxes) {
            double[] p = {b.x1(), b.y1(), b.x2(), b.y2()};
            t.transform(p, 0, p, 0, 2);
            double x1 = Math.min(p[0], p[2]);
            double x2 = Math.max(p[0], p[2]);
            double y1 = Math.min(p[1], p[3]);
            double y2 = Math.max(p[1], p[3]);
            double area = (x2 - x1) * (y2 - y1);
            double cx1 = Math.max(0, x1);
            double cy1 = Math.max(0, y1);
            double cx2 = Math.min(w, x2);
            double cy2 = Math.min(h, y2);
            if (cx2 <= cx1 || cy2 <= cy1 || (cx2 - cx1) * (cy2 - cy1) < MIN_VISIBLE * area) {
                continue;
            }
            out.add(new LabelledBox(b.label(), cx1, cy1, cx2, cy2));
        }
        return out;
    }
}
