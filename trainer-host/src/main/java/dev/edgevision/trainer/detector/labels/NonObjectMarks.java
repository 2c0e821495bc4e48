package dev.edgevision.trainer.detector.labels;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The marks on a test image that are not objects (a drawn circle, a letter O, a check box), kept
 * beside a labelled set so that an evaluation can tell a false detection on such a mark from one on
 * bare paper: {@code DATASET/marks/STEM.txt}, one {@code kind x1 y1 x2 y2} line per mark, edges in
 * pixels. A set without the folder, or an image without a file, has no recorded marks.
 */
public final class NonObjectMarks {
    /** The folder beside {@code images/} and {@code labels/}. */
    public static final String FOLDER = "marks";

    private NonObjectMarks() {
    }

    /** The lines of a marks file for {@code marks}. */
    public static String format(List<LabelledBox> marks) {
        StringBuilder text = new StringBuilder();
        for (LabelledBox m : marks) {
            if (m.label().isBlank() || m.label().chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("mark kind must be one word, got '" + m.label() + "'");
            }
            text.append(String.format(Locale.ROOT, "%s %.1f %.1f %.1f %.1f%n", m.label(), m.x1(), m.y1(), m.x2(), m.y2()));
        }
        return text.toString();
    }

    /** The recorded marks of {@code image} in {@code dataset}; none when there is no marks file for it. */
    public static List<LabelledBox> read(Path dataset, Path image) throws IOException, LabelException {
        String name = image.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path file = dataset.resolve(FOLDER).resolve((dot < 0 ? name : name.substring(0, dot)) + ".txt");
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<LabelledBox> marks = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\\s+");
            try {
                if (f.length != 5) {
                    throw new NumberFormatException();
                }
                marks.add(new LabelledBox(f[0], Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]), Double.parseDouble(f[4])));
            } catch (NumberFormatException e) {
                throw new LabelException(file + ":" + (i + 1) + ": expected 'kind x1 y1 x2 y2' (pixels), got '"
                        + line + "'; fix or delete the line");
            }
        }
        return marks;
    }
}
