package dev.edgevision.trainer.detector.scenes;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.idx.DigitSet;
import dev.edgevision.core.idx.IdxFolder;
import dev.edgevision.trainer.detector.labels.LabelledBox;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Not a test: renders a few scenes with their boxes drawn in to a folder, then times rendering on
 * one thread and prints milliseconds per scene, wall-clock and CPU time of the thread (the latter
 * holds up better on a machine shared with other work). Run from trainer-host with the test classpath:
 * {@code java -cp target/classes:target/test-classes:... ScenePreviewMain OUT [COUNT]}.
 */
public final class ScenePreviewMain {
    private ScenePreviewMain() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "/tmp/scene-preview");
        int timed = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        DigitSet digits = IdxFolder.scan(Path.of("..", "datasets", "mnist-9k")).train().read();
        DigitSceneGenerator generator = new DigitSceneGenerator(digits, SceneSettings.digits());
        Files.createDirectories(out);
        Frame frame = new Frame();
        for (int seed = 0; seed < 12; seed++) {
            Scene scene = generator.render(seed, frame);
            BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_3BYTE_BGR);
            byte[] rgb = frame.data();
            for (int i = 0, y = 0; y < frame.height(); y++) {
                for (int x = 0; x < frame.width(); x++, i += 3) {
                    image.setRGB(x, y, (rgb[i] & 0xFF) << 16 | (rgb[i + 1] & 0xFF) << 8 | (rgb[i + 2] & 0xFF));
                }
            }
            ImageIO.write(image, "png", out.resolve("clean-" + seed + ".png").toFile());
            Graphics2D g = image.createGraphics();
            g.setColor(Color.GREEN);
            g.setStroke(new BasicStroke(1));
            for (LabelledBox b : scene.boxes()) {
                g.drawRect((int) b.x1(), (int) b.y1(), (int) b.width() - 1, (int) b.height() - 1);
                g.drawString(b.label(), (int) b.x1(), (int) b.y1() - 2);
            }
            g.dispose();
            ImageIO.write(image, "png", out.resolve("boxed-" + seed + ".png").toFile());
        }
        for (int warm = 0; warm < 200; warm++) {
            generator.render(1000 + warm, frame);
        }
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long boxes = 0;
        for (int i = 0; i < timed; i++) {
            boxes += generator.render(10_000 + i, frame).boxes().size();
        }
        double ms = (System.nanoTime() - start) / 1e6 / timed;
        double cpuMs = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6 / timed;
        System.out.printf("%d scenes %dx%d: %.2f ms per scene on one thread (%.2f ms of CPU time), %.2f digits per scene%n",
                timed, frame.width(), frame.height(), ms, cpuMs, (double) boxes / timed);
    }
}
