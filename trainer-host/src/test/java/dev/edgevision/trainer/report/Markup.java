package dev.edgevision.trainer.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small regex helpers for inspecting rendered markup in tests. */
final class Markup {
    private Markup() {
    }

    static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Group 1 of every match of {@code regex}. */
    static List<String> all(String text, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(text);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** The text between the first {@code start} and the next {@code end} after it. */
    static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        if (from < 0) {
            throw new AssertionError("missing " + start);
        }
        from += start.length();
        int to = text.indexOf(end, from);
        if (to < 0) {
            throw new AssertionError("missing " + end + " after " + start);
        }
        return text.substring(from, to);
    }

    /** Every numeric attribute value of the given attribute names, e.g. x1, cy. */
    static List<Double> numbers(String svg, String attributes) {
        return all(svg, "\\s(?:" + attributes + ")=\"([^\"]*)\"").stream().map(Double::valueOf).toList();
    }
}
