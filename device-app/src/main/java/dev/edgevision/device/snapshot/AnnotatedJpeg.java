package dev.edgevision.device.snapshot;

import dev.edgevision.core.detect.Detection;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.PixelFormat;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.List;
import java.util.Locale;

/**
 * A frame with its detections drawn (a box and "label score" per detection, an optional caption
 * line) as a JPEG: drawn with the JDK's Java2D, encoded by OpenCV's {@code imencode} when its
 * codecs load, else by the JDK's JPEG writer (chosen once per process, see {@link JpegWriters}).
 * One instance per camera: the image it draws into and the encoder's buffers are kept and reused
 * while the frame size stays the same, so encoding allocates only the JPEG's bytes. Not for concurrent use; callers
 * serialise (the methods are synchronized).
 */
public final class AnnotatedJpeg {
    private static final Color[] PALETTE = {new Color(0xE6194B), new Color(0x3CB44B), new Color(0x4363D8),
        new Color(0xF58231), new Color(0x911EB4), new Color(0x42D4F4), new Color(0xF032E6), new Color(0xBFEF45),
        new Color(0xFABED4), new Color(0x469990)};

    private final JpegWriter writer;
    private BufferedImage image;

    /** @param quality JPEG quality, 0.1 to 1.0 (0.8 suits a preview) */
    public AnnotatedJpeg(double quality) {
        this(checked(quality), JpegWriters.selected());
    }

    /** With the encoder named ({@code opencv} or {@code imageio}) rather than the process's choice. */
    AnnotatedJpeg(double quality, String encoder) {
        this.writer = JpegWriters.open(encoder, checked(quality));
    }

    private static double checked(double quality) {
        if (!(quality >= 0.1 && quality <= 1.0)) {
            throw new IllegalArgumentException("JPEG quality must be between 0.1 and 1.0, got " + quality);
        }
        return quality;
    }

    /** Which encoder this uses: {@code opencv} or {@code imageio}. */
    public String encoder() {
        return writer.name();
    }

    /** The frame with its detections drawn, as JPEG bytes. */
    public synchronized byte[] encode(Frame frame, List<Detection> detections, String caption) {
        return writer.write(draw(frame, detections, caption));
    }

    /** Copies the frame into the kept image and draws on it; the image is valid until the next call. */
    synchronized BufferedImage draw(Frame frame, List<Detection> detections, String caption) {
        BufferedImage img = imageFor(frame.width(), frame.height());
        copyPixels(frame, ((DataBufferByte) img.getRaster().getDataBuffer()).getData());
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            int fontSize = Math.max(11, Math.min(frame.width(), frame.height()) / 30);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, fontSize));
            g.setStroke(new BasicStroke(Math.max(2f, fontSize / 6f)));
            FontMetrics fm = g.getFontMetrics();
            for (Detection d : detections) {
                Color c = PALETTE[Math.floorMod(d.classId(), PALETTE.length)];
                int x = (int) Math.round(d.box().x());
                int y = (int) Math.round(d.box().y());
                int w = (int) Math.round(d.box().w());
                int h = (int) Math.round(d.box().h());
                g.setColor(c);
                g.drawRect(x, y, w, h);
                String text = d.label() + " " + String.format(Locale.ROOT, "%.2f", d.score());
                int ty = Math.max(fm.getAscent(), y - fm.getDescent());
                g.fillRect(x, ty - fm.getAscent(), fm.stringWidth(text) + 4, fm.getHeight());
                g.setColor(Color.WHITE);
                g.drawString(text, x + 2, ty);
            }
            if (caption != null && !caption.isEmpty()) {
                g.setColor(new Color(0, 0, 0, 160));
                g.fillRect(0, img.getHeight() - fm.getHeight() - 4, fm.stringWidth(caption) + 8, fm.getHeight() + 4);
                g.setColor(Color.WHITE);
                g.drawString(caption, 4, img.getHeight() - fm.getDescent() - 2);
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private BufferedImage imageFor(int width, int height) {
        if (image == null || image.getWidth() != width || image.getHeight() != height) {
            image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        }
        return image;
    }

    private static void copyPixels(Frame frame, byte[] bgr) {
        byte[] src = frame.data();
        int pixels = frame.width() * frame.height();
        PixelFormat format = frame.format();
        switch (format) {
            case BGR24 -> System.arraycopy(src, 0, bgr, 0, pixels * 3);
            case RGB24 -> {
                for (int i = 0; i < pixels * 3; i += 3) {
                    bgr[i] = src[i + 2];
                    bgr[i + 1] = src[i + 1];
                    bgr[i + 2] = src[i];
                }
            }
            case GRAY8 -> {
                for (int i = 0, j = 0; i < pixels; i++, j += 3) {
                    bgr[j] = src[i];
                    bgr[j + 1] = src[i];
                    bgr[j + 2] = src[i];
                }
            }
            default -> throw new IllegalArgumentException("unsupported pixel format " + format);
        }
    }
}
