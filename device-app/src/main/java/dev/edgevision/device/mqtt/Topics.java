package dev.edgevision.device.mqtt;

import dev.edgevision.core.detect.TopicLevels;

/**
 * The topics of the MQTT contract (CONTRACT.md section 3) for one device:
 * {@code {prefix}/{device}/status}, {@code .../stats}, {@code .../{camera}/detections},
 * {@code .../{camera}/events}, {@code .../cmd/...} and {@code .../jobs/...}.
 *
 * <p>Device and camera names are single topic levels: a name holding {@code /}, {@code +} or
 * {@code #} would publish somewhere else or be refused by the broker, so it is rejected here.
 */
public final class Topics {
    /** The level that counts every label ({@code .../{camera}/all}, as Frigate names it). */
    public static final String ALL = "all";

    private final String base;

    /**
     * Topics under {@code prefix/deviceId}.
     *
     * @throws IllegalArgumentException naming the bad prefix or device id
     */
    public Topics(String prefix, String deviceId) {
        String problem = prefixProblem(prefix);
        if (problem != null) {
            throw new IllegalArgumentException("topic prefix: " + problem);
        }
        requireLevel("device id", deviceId);
        this.base = prefix + "/" + deviceId;
    }

    /** Retained device status, also the last will. */
    public String status() {
        return base + "/status";
    }

    /** Periodic statistics. */
    public String stats() {
        return base + "/stats";
    }

    /** Detection records of {@code camera}. */
    public String detections(String camera) {
        return base + "/" + requireLevel("camera name", camera) + "/detections";
    }

    /** Tracked-object lifecycle events of {@code camera}. */
    public String events(String camera) {
        return base + "/" + requireLevel("camera name", camera) + "/events";
    }

    /** Records captured by a trigger press (pins) on {@code camera}: {@code .../{camera}/trigger}. */
    public String trigger(String camera) {
        return base + "/" + requireLevel("camera name", camera) + "/trigger";
    }

    /** The retained count of a label's objects on a camera: {@code .../{camera}/{label}}. */
    public String label(String camera, String label) {
        return base + "/" + requireLevel("camera name", camera) + "/" + requireLevel("label", label);
    }

    /** The retained JPEG of a label's best object on a camera: {@code .../{camera}/{label}/snapshot}. */
    public String snapshot(String camera, String label) {
        return label(camera, label) + "/snapshot";
    }

    /** The retained count of every confirmed object on a camera, whatever its label: {@code .../{camera}/all}. */
    public String allCount(String camera) {
        return label(camera, ALL);
    }

    /** A command topic, e.g. {@code command("reload")} gives {@code .../cmd/reload}; levels separated by '/'. */
    public String command(String path) {
        return base + "/cmd/" + requirePath("command", path);
    }

    /** The filter that matches every command of this device. */
    public String commands() {
        return base + "/cmd/#";
    }

    /** The command a topic under {@link #commands()} names ({@code reload} for {@code .../cmd/reload}), or null. */
    public String commandName(String topic) {
        String start = base + "/cmd/";
        return topic.startsWith(start) && topic.length() > start.length() ? topic.substring(start.length()) : null;
    }

    /** A job topic, e.g. {@code job("42/progress")}; levels separated by '/'. */
    public String job(String path) {
        return base + "/jobs/" + requirePath("job", path);
    }

    /** The rest of a topic under {@link #jobs()} ({@code 42/cancel} for {@code .../jobs/42/cancel}), or null. */
    public String jobPath(String topic) {
        String start = base + "/jobs/";
        return topic.startsWith(start) && topic.length() > start.length() ? topic.substring(start.length()) : null;
    }

    /** The filter that matches every job topic of this device. */
    public String jobs() {
        return base + "/jobs/#";
    }

    /** Why {@code level} cannot be one topic level, or null if it can. */
    public static String levelProblem(String level) {
        return TopicLevels.problem(level);
    }

    /** Why {@code prefix} cannot start a topic, or null if it can; it may have several levels. */
    static String prefixProblem(String prefix) {
        return TopicLevels.prefixProblem(prefix);
    }

    private static String requireLevel(String what, String level) {
        String problem = levelProblem(level);
        if (problem != null) {
            throw new IllegalArgumentException(what + ": " + problem);
        }
        return level;
    }

    private static String requirePath(String what, String path) {
        String problem = path == null || path.isEmpty() ? "must not be empty" : prefixProblem(path);
        if (problem != null) {
            throw new IllegalArgumentException(what + " topic: " + problem);
        }
        return path;
    }
}
