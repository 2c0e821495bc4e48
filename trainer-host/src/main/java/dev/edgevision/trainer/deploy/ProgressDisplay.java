package dev.edgevision.trainer.deploy;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The deploy's progress on standard error. On a terminal: one bar per device redrawn in place
 * (with more than {@value #MAX_LINES} devices, a line of counts and the devices not yet done).
 * Otherwise: a plain line whenever a device's state or step changes or its download passes a
 * quarter (with more than {@value #MAX_LINES} devices, a line when each ends and the counts every
 * five seconds). Both end with a summary naming every device that did not succeed, why, and what to check.
 */
public final class ProgressDisplay implements RolloutDisplay {
    static final int MAX_LINES = 20;
    private static final int BAR = 24;

    private final PrintStream out;
    private final boolean interactive;
    private final DeployTopics topics;
    private static final double COUNTS_SECONDS = 5;
    private int drawn;
    private List<String> lastLines = List.of();
    private boolean many;
    private double lastCounts;
    private int nameWidth = 6;
    private String jobId;

    public ProgressDisplay(PrintStream out, boolean interactive, DeployTopics topics) {
        this.out = out;
        this.interactive = interactive;
        this.topics = topics;
    }

    @Override
    public synchronized void started(RolloutPlan plan, List<DeviceProgress> devices) {
        jobId = plan.jobId();
        many = devices.size() > MAX_LINES;
        nameWidth = Math.min(24, devices.stream().mapToInt(d -> d.device().length()).max().orElse(6));
        DeployBundle b = plan.bundle();
        String via = plan.chunks() ? "in chunks over the broker" : "from " + plan.artifactUrl().getScheme() + "://"
                + plan.artifactUrl().getAuthority();
        out.printf("deploy: job %s: %s (%s, %s, sha256 %s) to %d device%s, served %s%n", plan.jobId(), b.model(),
                b.fileName(), megabytes(b.size()), b.sha256().substring(0, 12), devices.size(),
                devices.size() == 1 ? "" : "s", via);
        if (!b.signed()) {
            out.println("deploy: note: " + b.fileName() + " is not signed; devices with update.trust_store refuse it"
                    + " (unsigned): sign it first with ./trainer bundle sign --key KEY " + b.source());
        }
        out.flush();
    }

    @Override
    public synchronized void changed(DeviceProgress before, DeviceProgress after) {
        if (interactive) {
            return;
        }
        if (many) {
            if (after.ended()) {
                out.printf("deploy: [%6.1f s] %s%n", after.seconds(), line(after, false));
                out.flush();
            }
            return;
        }
        boolean moved = !java.util.Objects.equals(before.state(), after.state())
                || !java.util.Objects.equals(before.step(), after.step())
                || quarter(before) != quarter(after);
        if (moved) {
            out.printf("deploy: [%6.1f s] %s%n", after.seconds(), line(after, false));
            out.flush();
        }
    }

    @Override
    public synchronized void tick(List<DeviceProgress> devices, double seconds) {
        if (interactive) {
            redraw(devices, seconds);
        } else if (many && seconds - lastCounts >= COUNTS_SECONDS) {
            lastCounts = seconds;
            out.println("deploy: " + counts(devices, seconds));
            out.flush();
        }
    }

    @Override
    public synchronized void finished(RolloutResult result) {
        if (interactive) {
            redraw(result.devices(), result.seconds());
        }
        long ok = result.devices().stream().filter(DeviceProgress::succeeded).count();
        out.printf("deploy: job %s: %d of %d device%s succeeded in %.1f s%n", result.jobId(), ok,
                result.devices().size(), result.devices().size() == 1 ? "" : "s", result.seconds());
        for (DeviceProgress d : result.failures()) {
            out.println("  " + d.device() + ": " + outcome(d) + advice(d));
        }
        out.flush();
    }

    private void redraw(List<DeviceProgress> devices, double seconds) {
        List<String> lines = new ArrayList<>();
        if (devices.size() <= MAX_LINES) {
            devices.forEach(d -> lines.add(line(d, true)));
        } else {
            lines.add(counts(devices, seconds));
            devices.stream().filter(d -> !d.succeeded()).sorted(Comparator.comparing(DeviceProgress::ended))
                    .limit(MAX_LINES - 1).forEach(d -> lines.add(line(d, true)));
        }
        if (lines.equals(lastLines)) {
            return;
        }
        lastLines = lines;
        StringBuilder text = new StringBuilder();
        if (drawn > 0) {
            text.append("\033[").append(drawn).append('F');
        }
        for (String l : lines) {
            text.append("\r\033[K").append(l).append('\n');
        }
        for (int i = lines.size(); i < drawn; i++) {
            text.append("\r\033[K\n");
        }
        drawn = Math.max(drawn, lines.size());
        out.print(text);
        out.flush();
    }

    private static String counts(List<DeviceProgress> devices, double seconds) {
        Map<String, Integer> by = new TreeMap<>();
        devices.forEach(d -> by.merge(d.state() == null ? "waiting"
                : d.state().equals("in_progress") ? d.step() : d.state(), 1, Integer::sum));
        return String.format("%d devices, %.0f s: %s", devices.size(), seconds,
                by.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).reduce((a, b) -> a + ", " + b)
                        .orElse(""));
    }

    String line(DeviceProgress d, boolean bar) {
        String name = String.format("%-" + nameWidth + "s", d.device());
        double f = d.fraction();
        int filled = (int) Math.round(f * BAR);
        String shownBar = bar ? " [" + "#".repeat(filled) + ".".repeat(BAR - filled) + "]" : "";
        String what;
        if (d.state() == null) {
            what = "waiting for the device";
        } else if (d.state().equals("in_progress") && "downloading".equals(d.step())) {
            what = String.format("downloading %s of %s", megabytes(d.done()), megabytes(d.total()));
        } else if (d.state().equals("in_progress")) {
            what = d.step() == null ? "in progress" : d.step();
        } else if (d.ended() && !d.succeeded()) {
            what = outcome(d);
        } else {
            what = d.state() + (d.resumed() ? " (resumed)" : "");
        }
        return String.format("%s%s %3d%%  %s", name, shownBar, Math.round(f * 100), what);
    }

    private static String outcome(DeviceProgress d) {
        if (d.succeeded()) {
            return "succeeded";
        }
        String at = d.step() == null ? "" : " at " + d.step();
        if ("timed_out".equals(d.state())) {
            return "timed out after " + Math.round(d.seconds()) + " s" + (d.step() == null ? " without an answer" : at
                    + (d.step().equals("downloading") ? " (" + megabytes(d.done()) + " of " + megabytes(d.total()) + ")"
                    : ""));
        }
        String code = d.errorCode() == null ? "" : " (" + d.errorCode() + ")";
        String message = d.message() == null ? "" : ": " + d.message();
        return d.state() + at + code + message + (d.resumed() ? " [resumed after a restart]" : "");
    }

    private String advice(DeviceProgress d) {
        if (!"timed_out".equals(d.state())) {
            return "";
        }
        if (d.deviceState() == null) {
            return "; nothing was ever published on " + topics.deviceStatus(d.device())
                    + ": check the device id and --prefix, and that the device uses this broker";
        }
        if (d.deviceState().startsWith("offline")) {
            return "; the device is " + d.deviceState();
        }
        if (d.step() == null) {
            return "; the device is " + d.deviceState() + " but never answered the job: does it take updates"
                    + " (update.enabled in its configuration)?";
        }
        if (d.step().equals("downloading")) {
            return "; the job was canceled on the device (its download needs this command running)";
        }
        return "; the device carries on: watch " + topics.jobStatus(d.device(), jobId);
    }

    private static int quarter(DeviceProgress d) {
        return "downloading".equals(d.step()) && d.total() > 0 ? (int) (4 * d.done() / d.total()) : -1;
    }

    static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / 1e6);
    }
}
