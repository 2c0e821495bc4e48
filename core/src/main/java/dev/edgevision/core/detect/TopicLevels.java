package dev.edgevision.core.detect;

/**
 * The rules for names that become MQTT topic levels in the contract's topics (device ids, camera
 * names, labels, job ids, the prefix's levels), shared by the device and the workstation so both
 * refuse the same names with the same words.
 */
public final class TopicLevels {
    private TopicLevels() {
    }

    /** Why {@code level} cannot be one topic level, or null if it can. */
    public static String problem(String level) {
        if (level == null || level.isEmpty()) {
            return "must not be empty";
        }
        for (char c : new char[] {'/', '+', '#', '\0'}) {
            if (level.indexOf(c) >= 0) {
                String shown = c == '\0' ? "NUL" : "'" + c + "'";
                return "\"" + level.replace("\0", "\\0") + "\" contains " + shown
                        + ", which MQTT topic levels cannot hold; use letters, digits, '-' or '_'";
            }
        }
        if (level.startsWith("$")) {
            return "\"" + level + "\" starts with '$', which brokers reserve for their own topics";
        }
        return null;
    }

    /** Why {@code prefix} (one or more levels) cannot start the topics, or null if it can. */
    public static String prefixProblem(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            return "must not be empty; the contract's default is \"vision\"";
        }
        for (String level : prefix.split("/", -1)) {
            String problem = problem(level);
            if (problem != null) {
                return "\"" + prefix + "\" has a bad level: " + problem;
            }
        }
        return null;
    }
}
