package dev.edgevision.trainer.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during a rollout ({@link Rollout#abort}): the retained job document is cleared, a device
 * that had not got its bundle is sent a cancel, and the rollout ends with the device not succeeded.
 */
class RolloutAbortTest {
    static final Path HOME = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void abortClearsTheJobAndCancelsItOnDevicesStillDownloading() throws Exception {
        try (TestMosquitto broker = TestMosquitto.start(dir.resolve("broker"), List.of());
             DeployBundle bundle = DeployBundle.of(HOME.resolve("models/digits.vbundle"))) {
            Map<String, String> seen = new ConcurrentHashMap<>();
            MqttClient watcher = new MqttClient(broker.uri(), "abort-watcher", new MemoryPersistence());
            watcher.connect();
            watcher.subscribe("vision/cam-1/jobs/#", 1, (topic, m) -> seen.put(topic,
                    new String(m.getPayload(), StandardCharsets.UTF_8)));
            RolloutPlan plan = new RolloutPlan(List.of("cam-1"), "job-abort", bundle,
                    URI.create("http://127.0.0.1:9/bundles/x/digits.vbundle"), Duration.ofSeconds(60), null, false);
            ByteArrayOutputStream shown = new ByteArrayOutputStream();
            DeployTopics topics = new DeployTopics("vision");
            Rollout rollout = new Rollout(plan, topics, new ProgressDisplay(new PrintStream(shown, true,
                    StandardCharsets.UTF_8), false, topics));
            CompletableFuture<RolloutResult> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return rollout.run(new BrokerOptions(broker.uri(), null, null, null));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (seen.getOrDefault("vision/cam-1/jobs/job-abort", "").isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(seen.get("vision/cam-1/jobs/job-abort").contains("\"sha256\":\"" + bundle.sha256() + "\""),
                    "the job was published: " + seen);
            rollout.abort();
            RolloutResult result = run.get(30, TimeUnit.SECONDS);
            Thread.sleep(300);
            assertEquals("", seen.get("vision/cam-1/jobs/job-abort"), "the retained job is cleared: " + seen);
            assertEquals("{}", seen.get("vision/cam-1/jobs/job-abort/cancel"), "a cancel was sent: " + seen);
            assertEquals("timed_out", result.devices().get(0).state());
            assertTrue(shown.toString(StandardCharsets.UTF_8).contains("0 of 1 device succeeded"), shown.toString());
            watcher.disconnect();
            watcher.close();
        }
    }
}
