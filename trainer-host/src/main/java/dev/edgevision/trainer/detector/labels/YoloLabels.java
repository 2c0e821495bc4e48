package dev.edgevision.trainer.detector.labels;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * YOLO text labels: one object per line, {@code class_id centre_x centre_y width height}, all but the
 * class normalised to the image size. An empty file is YOLO's way of marking an image with no object.
 */
final class YoloLabels {
    private YoloLabels() {
    }

    static List<LabelledBox> read(Path file, int width, int height, List<String> classes, LabelProblems problems)
            throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<LabelledBox> boxes = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (f.length != 5) {
                problems.add(file, i + 1, "has " + f.length + " fields; a YOLO label line is 'class cx cy w h'");
                continue;
            }
            try {
                int id = Integer.parseInt(f[0]);
                if (id < 0 || id >= classes.size()) {
                    problems.add(file, i + 1, "unknown class id " + id + "; the class list has " + classes.size()
                            + " classes (0.." + (classes.size() - 1) + ")");
                    continue;
                }
                double cx = Double.parseDouble(f[1]);
                double cy = Double.parseDouble(f[2]);
                double w = Double.parseDouble(f[3]);
                double h = Double.parseDouble(f[4]);
                if (cx < 0 || cx > 1 || cy < 0 || cy > 1 || w <= 0 || w > 1 || h <= 0 || h > 1) {
                    problems.add(file, i + 1, "values must be normalised to 0..1 (sizes above 0), got '"
                            + String.join(" ", f[1], f[2], f[3], f[4]) + "'");
                    continue;
                }
                LabelledBox box = new LabelledBox(classes.get(id), (cx - w / 2) * width, (cy - h / 2) * height,
                        (cx + w / 2) * width, (cy + h / 2) * height);
                LabelledBox checked = BoxCheck.check(box, width, height, file, i + 1, problems);
                if (checked != null) {
                    boxes.add(checked);
                }
            } catch (NumberFormatException e) {
                problems.add(file, i + 1, "expected 'class cx cy w h' with a whole class id and numbers, got '"
                        + line + "'");
            }
        }
        return boxes;
    }
}
