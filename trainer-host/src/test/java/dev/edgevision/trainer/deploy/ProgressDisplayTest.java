package dev.edgevision.trainer.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The deploy's progress: bars redrawn in place on a terminal, plain lines elsewhere, and the summary. */
class ProgressDisplayTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    final DeployTopics topics = new DeployTopics("vision");

    static DeviceProgress status(DeviceProgress p, String json, double at) throws Exception {
        return p.withJobStatus(JSON.readTree(json), at);
    }

    static RolloutPlan plan(int devices) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < devices; i++) {
            ids.add("cam-" + i);
        }
        DeployBundle bundle = new DeployBundle(Path.of("d.vbundle"), Path.of("copy"), "d.vbundle",
                "0123456789abcdef0123", 2_000_000, "digits 1", true);
        return new RolloutPlan(ids, "job-1", bundle, java.net.URI.create("http://10.0.0.5:8000/bundles/x/d.vbundle"),
                Duration.ofMinutes(1), null, false);
    }

    @Test
    void onATerminalEachDeviceHasABarRedrawnInPlace() throws Exception {
        ProgressDisplay display = new ProgressDisplay(out, true, topics);
        DeviceProgress a = DeviceProgress.waiting("cam-0");
        DeviceProgress b = status(DeviceProgress.waiting("cam-1"), "{\"state\":\"in_progress\",\"step\":\"downloading\","
                + "\"progress\":{\"done\":1000000,\"total\":2000000}}", 1);
        display.started(plan(2), List.of(a, b));
        display.tick(List.of(a, b), 1);
        int once = bytes.size();
        display.tick(List.of(a, b), 1.2);
        assertEquals(once, bytes.size(), "nothing is redrawn when nothing changed");
        DeviceProgress c = status(b, "{\"state\":\"in_progress\",\"step\":\"verifying\"}", 1.4);
        display.tick(List.of(a, c), 1.4);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\033[2F\r\033[Kcam-0 [........................]   0%  waiting for the device\n"
                + "\r\033[Kcam-1 [################........]  65%  verifying\n"), text);
        assertTrue(text.contains("served from http://10.0.0.5:8000\n"), "the token in the URL is not shown: " + text);
        assertTrue(text.contains("cam-1 [#######.................]  30%  downloading 1.0 MB of 2.0 MB"), text);
        assertTrue(text.contains("cam-0 [........................]   0%  waiting for the device"), text);
        assertTrue(text.contains("\033[2F"), "the second redraw moves up over the two lines: " + text);
    }

    @Test
    void withoutATerminalLinesArePlainAndTheSummaryNamesFailures() throws Exception {
        ProgressDisplay display = new ProgressDisplay(out, false, topics);
        DeviceProgress a = DeviceProgress.waiting("cam-0");
        DeviceProgress b = DeviceProgress.waiting("cam-1");
        display.started(plan(2), List.of(a, b));
        DeviceProgress a1 = status(a, "{\"state\":\"in_progress\",\"step\":\"probation\"}", 3);
        display.changed(a, a1);
        DeviceProgress a2 = status(a1, "{\"state\":\"succeeded\",\"step\":\"probation\",\"resumed\":false}", 9);
        display.changed(a1, a2);
        DeviceProgress b1 = status(b, "{\"state\":\"rejected\",\"step\":\"verifying\",\"error\":{\"code\":\"bad_hash\","
                + "\"message\":\"model.onnx does not match its sha256\"}}", 2);
        display.changed(b, b1);
        display.tick(List.of(a2, b1), 9);
        display.finished(new RolloutResult("job-1", List.of(a2, b1), 9));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(text.contains("\033"), "no terminal codes: " + text);
        assertTrue(text.contains("deploy: [   3.0 s] cam-0  90%  probation\n"), text);
        assertTrue(text.contains("deploy: [   9.0 s] cam-0 100%  succeeded\n"), text);
        assertTrue(text.contains("deploy: job job-1: 1 of 2 devices succeeded in 9.0 s\n"
                + "  cam-1: rejected at verifying (bad_hash): model.onnx does not match its sha256\n"), text);
    }

    @Test
    void aDeviceThatTimesOutIsExplained() {
        ProgressDisplay display = new ProgressDisplay(out, false, topics);
        DeviceProgress silent = DeviceProgress.waiting("cam-0").timedOut(60);
        DeviceProgress offline = DeviceProgress.waiting("cam-1").withDeviceState("offline: lost").timedOut(60);
        display.started(plan(2), List.of(silent, offline));
        display.finished(new RolloutResult("job-1", List.of(silent, offline), 60));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("cam-0: timed out after 60 s without an answer; nothing was ever published on"
                + " vision/cam-0/status"), text);
        assertTrue(text.contains("cam-1: timed out after 60 s without an answer; the device is offline: lost"), text);
        assertEquals(2, new RolloutResult("job-1", List.of(silent, offline), 60).failures().size());
    }
}
