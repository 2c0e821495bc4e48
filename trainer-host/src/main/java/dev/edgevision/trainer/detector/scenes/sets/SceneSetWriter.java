package dev.edgevision.trainer.detector.scenes.sets;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.trainer.detector.labels.LabelledBox;
import dev.edgevision.trainer.detector.labels.NonObjectMarks;
import dev.edgevision.trainer.detector.scenes.Scene;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Writes scenes as a labelled folder in YOLO layout, which {@code LabelledDataset.load} reads:
 * {@code images/000000.png ...}, {@code labels/000000.txt ...} (one {@code class cx cy w h} line per
 * box, normalised; an empty file for a scene with no box), {@code classes.txt} (the source's
 * classes, 0 to 9 for digits), for sources that record them {@code marks/000000.txt ...} (the marks
 * on the page that are not objects, one {@code kind x1 y1 x2 y2} line each in pixels, see
 * {@link NonObjectMarks}) and
 * {@code scenes.json} (how the set was made). The set is built in a hidden folder beside the target
 * and moved into place when complete, so a failed or interrupted run leaves nothing half-written
 * under the target's name, and an existing folder with content is never touched.
 */
public final class SceneSetWriter {
    /** Class names in class-id order for digit scenes. */
    public static final List<String> CLASSES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    /** What was written. */
    public record Summary(Path folder, int images, int digits, int emptyImages) {
    }

    private SceneSetWriter() {
    }

    /** Renders scenes 0 .. {@code count - 1} of {@code source} into {@code out}; {@code progress} hears each one done. */
    public static Summary write(SceneSource source, int count, Path out, IntConsumer progress) throws IOException {
        if (Files.exists(out) && !isEmptyFolder(out)) {
            throw new IOException(out + ": already exists and is not empty; give a new folder (nothing was written)");
        }
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createDirectory(parent.resolve("." + out.getFileName() + ".partial-"
                + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong())));
        try {
            Files.createDirectories(temp.resolve("images"));
            Files.createDirectories(temp.resolve("labels"));
            List<String> classes = source.classes();
            Files.writeString(temp.resolve("classes.txt"), String.join("\n", classes) + "\n");
            int digits = 0;
            int empty = 0;
            int marks = 0;
            Frame frame = new Frame();
            for (int i = 0; i < count; i++) {
                Scene scene = source.render(i, frame);
                String name = String.format(Locale.ROOT, "%06d", i);
                ImageIO.write(FrameImages.toImage(scene.frame()), "png", temp.resolve("images/" + name + ".png").toFile());
                Files.writeString(temp.resolve("labels/" + name + ".txt"), yolo(scene, classes), StandardCharsets.UTF_8);
                List<LabelledBox> nonObjects = source.lastMarks();
                if (!nonObjects.isEmpty()) {
                    Files.createDirectories(temp.resolve(NonObjectMarks.FOLDER));
                    Files.writeString(temp.resolve(NonObjectMarks.FOLDER + "/" + name + ".txt"),
                            NonObjectMarks.format(nonObjects), StandardCharsets.UTF_8);
                    marks += nonObjects.size();
                }
                digits += scene.boxes().size();
                empty += scene.boxes().isEmpty() ? 1 : 0;
                progress.accept(i + 1);
            }
            Map<String, Object> about = new LinkedHashMap<>();
            about.put("source", source.description());
            about.put("images", count);
            about.put("digits", digits);
            about.put("empty_images", empty);
            about.put("non_digit_marks", marks);
            about.put("classes", classes);
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(temp.resolve("scenes.json").toFile(), about);
            if (Files.exists(out)) {
                Files.delete(out);
            }
            move(temp, out);
            return new Summary(out, count, digits, empty);
        } finally {
            deleteTree(temp);
        }
    }

    /** The YOLO label lines of {@code scene}, class ids indexing {@code classes}. */
    static String yolo(Scene scene, List<String> classes) {
        StringBuilder text = new StringBuilder();
        double w = scene.frame().width();
        double h = scene.frame().height();
        for (LabelledBox b : scene.boxes()) {
            int id = classes.indexOf(b.label());
            if (id < 0) {
                throw new IllegalArgumentException("scene box has label '" + b.label() + "', not one of " + classes);
            }
            text.append(String.format(Locale.ROOT, "%d %.6f %.6f %.6f %.6f%n", id, (b.x1() + b.x2()) / 2 / w,
                    (b.y1() + b.y2()) / 2 / h, b.width() / w, b.height() / h));
        }
        return text.toString();
    }

    private static boolean isEmptyFolder(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(path)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
