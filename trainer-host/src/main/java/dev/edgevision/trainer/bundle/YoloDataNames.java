package dev.edgevision.trainer.bundle;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code names} list of a YOLO dataset {@code .yaml}, read line by line so that every problem
 * can name its line. Only the simple forms YOLO tools write are read; anything else is refused with
 * a hint to use a plain text file.
 */
final class YoloDataNames {
    private static final Pattern KEY = Pattern.compile("^(names|nc)\\s*:\\s*(.*)$");
    private static final Pattern ITEM = Pattern.compile("^\\s*-\\s*(.*)$");
    private static final Pattern ENTRY = Pattern.compile("^\\s+(\\d+)\\s*:\\s*(.*)$");

    private YoloDataNames() {
    }

    static List<LabelsFile.Label> read(Path file, List<String> lines) throws ForeignModelException {
        List<LabelsFile.Label> names = null;
        int namesLine = 0;
        int nc = -1;
        int ncLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            Matcher key = KEY.matcher(withoutComment(lines.get(i)));
            if (!key.matches()) {
                continue;
            }
            String value = key.group(2).strip();
            if (key.group(1).equals("nc")) {
                try {
                    nc = Integer.parseInt(value);
                    ncLine = i + 1;
                } catch (NumberFormatException e) {
                    throw new ForeignModelException(file + ":" + (i + 1) + ": nc must be a whole number, got '" + value + "'");
                }
            } else {
                namesLine = i + 1;
                names = value.isEmpty() ? block(file, lines, i + 1) : flow(file, value, i + 1);
            }
        }
        if (names == null) {
            throw new ForeignModelException(file + ": has no top-level 'names:' list; give the class names as"
                    + " names: [a, b, ...] or in a text file, one per line");
        }
        if (nc >= 0 && nc != names.size()) {
            throw new ForeignModelException(file + ":" + ncLine + ": nc is " + nc + " but names (line " + namesLine
                    + ") lists " + names.size() + " classes; make them agree");
        }
        return names;
    }

    /** {@code names: [a, 'b c', d]} on one line. */
    private static List<LabelsFile.Label> flow(Path file, String value, int line) throws ForeignModelException {
        if (!value.startsWith("[") || !value.endsWith("]")) {
            throw new ForeignModelException(file + ":" + line + ": names is not a one-line [a, b, ...] list; write it"
                    + " so, or one '- name' per line, or give a text file with one name per line");
        }
        List<LabelsFile.Label> names = new ArrayList<>();
        String inner = value.substring(1, value.length() - 1).strip();
        if (inner.isEmpty()) {
            return names;
        }
        for (String part : inner.split(",")) {
            names.add(new LabelsFile.Label(name(file, part, line), line));
        }
        return names;
    }

    /** Indented {@code - name} or {@code id: name} lines after {@code names:}. */
    private static List<LabelsFile.Label> block(Path file, List<String> lines, int from) throws ForeignModelException {
        List<LabelsFile.Label> names = new ArrayList<>();
        for (int i = from; i < lines.size(); i++) {
            String text = withoutComment(lines.get(i));
            if (text.isBlank()) {
                continue;
            }
            Matcher item = ITEM.matcher(text);
            Matcher entry = ENTRY.matcher(text);
            if (item.matches()) {
                names.add(new LabelsFile.Label(name(file, item.group(1), i + 1), i + 1));
            } else if (entry.matches()) {
                int id = Integer.parseInt(entry.group(1));
                if (id != names.size()) {
                    throw new ForeignModelException(file + ":" + (i + 1) + ": class id " + id + " where " + names.size()
                            + " comes next; list the ids 0, 1, 2, ... in order without gaps");
                }
                names.add(new LabelsFile.Label(name(file, entry.group(2), i + 1), i + 1));
            } else if (Character.isWhitespace(text.charAt(0))) {
                throw new ForeignModelException(file + ":" + (i + 1) + ": expected '- name' or 'id: name' under"
                        + " names, got '" + text.strip() + "'");
            } else {
                break;
            }
        }
        return names;
    }

    private static String name(Path file, String raw, int line) throws ForeignModelException {
        String name = raw.strip();
        if (name.length() >= 2 && (name.startsWith("'") && name.endsWith("'")
                || name.startsWith("\"") && name.endsWith("\""))) {
            name = name.substring(1, name.length() - 1).strip();
        }
        if (name.isEmpty()) {
            throw new ForeignModelException(file + ":" + line + ": empty class name in names");
        }
        return name;
    }

    /** The line without a trailing {@code # comment} (a # inside quotes is kept). */
    private static String withoutComment(String line) {
        boolean quoted = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                quoted = c != quote;
            } else if (c == '\'' || c == '"') {
                quoted = true;
                quote = c;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i).stripTrailing();
            }
        }
        return line.stripTrailing();
    }
}
