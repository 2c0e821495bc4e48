package dev.edgevision.trainer.bundle;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Class names for a foreign detector, in class-id order: a text file with one name per line, or a
 * YOLO dataset {@code .yaml} whose {@code names} is a simple list ({@code names: [a, b]}, one
 * {@code - name} per line, or one {@code id: name} per line as Ultralytics writes it). Problems
 * name the file and the line: an empty list, a blank line between names, a name given twice, ids
 * out of order, an {@code nc} that disagrees with the names.
 */
public final class LabelsFile {
    private LabelsFile() {
    }

    /** Reads the class names of {@code file}. */
    public static List<String> read(Path file) throws ForeignModelException, IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new ForeignModelException(file + ": is not UTF-8 text; save the labels as UTF-8, one name per line");
        }
        if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) {
            lines.set(0, lines.get(0).substring(1));
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        List<Label> labels = name.endsWith(".yaml") || name.endsWith(".yml") ? YoloDataNames.read(file, lines)
                : plainLines(file, lines);
        if (labels.isEmpty()) {
            throw new ForeignModelException(file + ": holds no class names; write one name per line, in class-id order");
        }
        Map<String, Integer> seen = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (Label label : labels) {
            Integer first = seen.putIfAbsent(label.name(), label.line());
            if (first != null) {
                throw new ForeignModelException(file + ":" + label.line() + ": '" + label.name()
                        + "' is already the name on line " + first + "; every class needs its own name");
            }
            names.add(label.name());
        }
        return List.copyOf(names);
    }

    /** A class name and the line it came from (1-based). */
    record Label(String name, int line) {
    }

    private static List<Label> plainLines(Path file, List<String> lines) throws ForeignModelException {
        int last = lines.size();
        while (last > 0 && lines.get(last - 1).isBlank()) {
            last--;
        }
        List<Label> labels = new ArrayList<>();
        for (int i = 0; i < last; i++) {
            String text = lines.get(i).strip();
            if (text.isEmpty()) {
                throw new ForeignModelException(file + ":" + (i + 1) + ": blank line; class ids follow the lines,"
                        + " so write one name on every line, without gaps");
            }
            labels.add(new Label(text, i + 1));
        }
        return labels;
    }
}
