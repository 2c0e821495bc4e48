package dev.edgevision.device.mqtt;

import dev.edgevision.device.status.DeviceStatus;
import dev.edgevision.core.detect.BoundingBox;
import dev.edgevision.core.detect.Detection;
import dev.edgevision.core.detect.DetectionRecord;
import dev.edgevision.core.detect.ModelIdentity;
import dev.edgevision.core.detect.StageTimings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Records, statuses, settings and ports for the MQTT tests. */
final class Fixtures {
    static final String DEVICE = "it-device";
    static final ModelIdentity MODEL = new ModelIdentity("digits", "3", "9f2c0e");

    private Fixtures() {
    }

    /** A detection record numbered {@code frame}, as the pipeline would make it. */
    static DetectionRecord record(String camera, long frame) {
        return new DetectionRecord(DetectionRecord.SCHEMA, DEVICE, camera, "synthetic://digits", frame,
                Instant.ofEpochMilli(1_795_000_000_000L + frame).toString(), 640, 480, MODEL, "onnxruntime-cpu",
                new StageTimings(0.4, 1.2, 5.3, 0.4, 7.9),
                List.of(new Detection(Long.toString(frame % 10), (int) (frame % 10), 0.97,
                        new BoundingBox(120, 80, 40, 60))));
    }

    static DeviceStatus status() {
        return new DeviceStatus(DeviceStatus.ONLINE, "0.1.0-test", MODEL, "onnxruntime-cpu", List.of("cam0", "cam1"));
    }

    /** Settings for tests: fast reconnects, a short keep-alive. */
    static MqttSettings.Builder settings(String broker, Path spool) {
        return settings(broker, spool, DEVICE);
    }

    /** Settings for tests, publishing as {@code device}. */
    static MqttSettings.Builder settings(String broker, Path spool, String device) {
        return MqttSettings.builder(broker, device, spool)
                .clientId("it-publisher-" + System.nanoTime())
                .keepAlive(Duration.ofSeconds(5))
                .connectTimeout(Duration.ofSeconds(2))
                .reconnectDelay(Duration.ofMillis(100), Duration.ofMillis(500));
    }

    /** A loopback port nothing listens on right now. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Polls {@code condition} every 10 ms until it holds or the time is up; returns whether it held. */
    static boolean eventually(Duration timeout, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }
}
