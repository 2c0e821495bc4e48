package dev.edgevision.trainer.detector.labels;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * KITTI object labels, as DIGITS' DetectNet reads them: one object per line,
 * {@code type truncated occluded alpha left top right bottom h w l x y z rotation_y [score]}, boxes in
 * pixels. Objects of type {@code DontCare} are skipped. An empty file marks a background image, one
 * with no object (a negative example), as YOLO reads an empty label file.
 */
final class KittiLabels {
    private KittiLabels() {
    }

    static List<LabelledBox> read(Path file, int width, int height, LabelProblems problems) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<LabelledBox> boxes = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (f.length != 15 && f.length != 16) {
                problems.add(file, i + 1, "has " + f.length + " fields; a KITTI label line has 15 (or 16 with a score)");
                continue;
            }
            if (f[0].equalsIgnoreCase("DontCare")) {
                continue;
            }
            try {
                LabelledBox box = new LabelledBox(f[0], Double.parseDouble(f[4]), Double.parseDouble(f[5]),
                        Double.parseDouble(f[6]), Double.parseDouble(f[7]));
                LabelledBox checked = BoxCheck.check(box, width, height, file, i + 1, problems);
                if (checked != null) {
                    boxes.add(checked);
                }
            } catch (NumberFormatException e) {
                problems.add(file, i + 1, "box fields 5-8 must be numbers, got '" + f[4] + " " + f[5] + " " + f[6]
                        + " " + f[7] + "'");
            }
        }
        return boxes;
    }
}
