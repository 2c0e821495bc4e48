package dev.edgevision.trainer.detector.labels;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A folder of labelled images in one of the formats people already have, recognised by its layout:
 *
 * <ul>
 *   <li>KITTI as DIGITS uses it: {@code images/} + {@code labels/*.txt}; KITTI's own: {@code image_2/} +
 *       {@code label_2/}; class names come from the label files.</li>
 *   <li>Pascal VOC: {@code JPEGImages/} + {@code Annotations/*.xml}.</li>
 *   <li>YOLO: {@code images/} + {@code labels/*.txt} + {@code classes.txt} (or {@code obj.names}), one
 *       class name per line.</li>
 * </ul>
 *
 * <p>An empty label file (KITTI, YOLO) or an annotation with no object (VOC) marks a background
 * image: no object to find, every detection on it false. Loading checks every image and label: missing or unreadable files, boxes outside the image,
 * unknown classes, malformed lines; all problems are reported together, each with file and line.
 *
 * @param folder the dataset folder
 * @param format {@code kitti}, {@code voc} or {@code yolo}
 * @param classes class names, indexed by class id
 * @param images the labelled images, sorted by file name
 */
public record LabelledDataset(Path folder, String format, List<String> classes, List<LabelledImage> images) {
    private static final Set<String> IMAGE_TYPES = Set.of("jpg", "jpeg", "png", "bmp");
    private static final int PROBLEMS_SHOWN = 20;

    /** Images with no labelled object: background images, the negatives a detector trains on. */
    public int backgroundImages() {
        return (int) images.stream().filter(i -> i.boxes().isEmpty()).count();
    }

    /** Whether most of the images hold no object, which usually means labels are missing rather than meant. */
    public boolean mostlyBackground() {
        return backgroundImages() * 2 > images.size();
    }

    /** Recognises the layout of {@code folder} and loads it. */
    public static LabelledDataset load(Path folder) throws LabelException, IOException {
        if (!Files.isDirectory(folder)) {
            throw new LabelException(folder + ": no such folder; give a folder of labelled images");
        }
        if (Files.isDirectory(folder.resolve("JPEGImages")) && Files.isDirectory(folder.resolve("Annotations"))) {
            return load(folder, "voc", folder.resolve("JPEGImages"), folder.resolve("Annotations"), null);
        }
        if (Files.isDirectory(folder.resolve("image_2")) && Files.isDirectory(folder.resolve("label_2"))) {
            return load(folder, "kitti", folder.resolve("image_2"), folder.resolve("label_2"), null);
        }
        if (Files.isDirectory(folder.resolve("images")) && Files.isDirectory(folder.resolve("labels"))) {
            Path names = Stream.of("classes.txt", "obj.names").map(folder::resolve).filter(Files::isRegularFile)
                    .findFirst().orElse(null);
            return load(folder, names == null ? "kitti" : "yolo", folder.resolve("images"), folder.resolve("labels"),
                    names);
        }
        throw new LabelException(folder + ": not a labelled dataset this trainer knows; expected images/ + labels/"
                + " (KITTI as DIGITS uses it, or YOLO with classes.txt), image_2/ + label_2/ (KITTI) or"
                + " JPEGImages/ + Annotations/ (Pascal VOC)");
    }

    private static LabelledDataset load(Path folder, String format, Path imageDir, Path labelDir, Path names)
            throws LabelException, IOException {
        LabelProblems problems = new LabelProblems();
        List<String> yoloClasses = names == null ? null : classNames(names, problems);
        String labelExtension = format.equals("voc") ? ".xml" : ".txt";
        List<Path> imageFiles = list(imageDir, p -> IMAGE_TYPES.contains(extension(p)));
        List<LabelledImage> images = new ArrayList<>();
        Set<String> stems = new TreeSet<>();
        for (Path image : imageFiles) {
            stems.add(stem(image));
            Path labels = labelDir.resolve(stem(image) + labelExtension);
            if (!Files.isRegularFile(labels)) {
                problems.add(image, 0, "has no label file (expected " + labels + ")");
                continue;
            }
            int[] size = imageSize(image, problems);
            if (size == null) {
                continue;
            }
            List<LabelledBox> boxes = switch (format) {
                case "voc" -> VocLabels.read(labels, size[0], size[1], problems);
                case "yolo" -> YoloLabels.read(labels, size[0], size[1], yoloClasses, problems);
                default -> KittiLabels.read(labels, size[0], size[1], problems);
            };
            images.add(new LabelledImage(image, size[0], size[1], List.copyOf(boxes)));
        }
        for (Path labels : list(labelDir, p -> extension(p).equals(labelExtension.substring(1)))) {
            if (!stems.contains(stem(labels))) {
                problems.add(labels, 0, "has no image beside it in " + imageDir);
            }
        }
        if (imageFiles.isEmpty()) {
            problems.add(imageDir, 0, "holds no images (jpg, jpeg, png, bmp)");
        }
        problems.throwIfAny(folder, PROBLEMS_SHOWN);
        List<String> classes = yoloClasses != null ? yoloClasses
                : List.copyOf(new TreeSet<>(images.stream().flatMap(i -> i.boxes().stream()).map(LabelledBox::label).toList()));
        return new LabelledDataset(folder, format, classes, List.copyOf(images));
    }

    private static List<String> classNames(Path names, LabelProblems problems) throws IOException {
        List<String> classes = Files.readAllLines(names).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (classes.isEmpty()) {
            problems.add(names, 0, "is empty: list one class name per line, in class-id order");
        }
        if (new TreeSet<>(classes).size() != classes.size()) {
            problems.add(names, 0, "lists a class name twice");
        }
        return classes;
    }

    private static int[] imageSize(Path image, LabelProblems problems) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(image.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                problems.add(image, 0, "is not an image this trainer can read (JPEG, PNG, BMP)");
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            problems.add(image, 0, "cannot be read as an image: " + e.getMessage());
            return null;
        }
    }

    private static List<Path> list(Path dir, java.util.function.Predicate<Path> keep) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).filter(keep).sorted().toList();
        }
    }

    private static String extension(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String stem(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
