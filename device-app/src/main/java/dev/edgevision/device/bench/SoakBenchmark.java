package dev.edgevision.device.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgevision.device.mqtt.Mosquitto;
import dev.edgevision.device.status.ProcessFigures;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A long run of the real service in a process of its own: a synthetic camera at full rate,
 * detections at QoS 1 to a Mosquitto of its own that is restarted during the run, an optional
 * preview viewer reading all the while. Prints the series of heap (after the last collection of
 * each pool, and the lowest heap in use the interval's stats showed), resident memory, threads and
 * frame rate, and at the end how many QoS 1 records the device processed
 * against how many distinct ones arrived.
 */
public final class SoakBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEVICE = "soak";

    /**
     * What to run.
     *
     * @param minutes length of the run
     * @param fps the synthetic camera's frame rate
     * @param brokerRestarts how many times the broker is stopped for {@code brokerDownSeconds}, spread over the run
     * @param sampleSeconds interval of the printed series
     * @param model the bundle the service serves
     * @param viewer a URL to read continuously (a preview stream), or {@code null}
     * @param extraConfig YAML appended to the service's configuration, or {@code null}
     * @param workDir where configuration, spool and broker files go
     */
    public record Plan(double minutes, int fps, int brokerRestarts, int brokerDownSeconds, int sampleSeconds,
            Path model, String viewer, String extraConfig, Path workDir) {
    }

    /** What the run showed. */
    public record Outcome(long processed, long received, long duplicates, List<long[]> series) {
        public long lost() {
            return Math.max(0, processed - received);
        }
    }

    private final Plan plan;
    private final PrintStream out;
    private final BitSet frames = new BitSet();
    private final AtomicLong deliveries = new AtomicLong();
    private final AtomicLong viewerBytes = new AtomicLong();
    private final AtomicLong lowestHeap = new AtomicLong(Long.MAX_VALUE);
    private final Map<String, JsonNode> lastStats = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    public SoakBenchmark(Plan plan, PrintStream out) {
        this.plan = plan;
        this.out = out;
    }

    /** Runs the soak; throws if the broker or the service cannot be started (the message says which). */
    public Outcome run() throws Exception {
        if (Mosquitto.executable().isEmpty()) {
            throw new IOException("the soak needs its own Mosquitto and none is installed: install the " + Mosquitto.INSTALL);
        }
        Files.createDirectories(plan.workDir());
        int port = freePort();
        try (Mosquitto broker = new Mosquitto(plan.workDir(), port, List.of("persistence true",
                "allow_anonymous true"))) {
            broker.start();
            MqttClient subscriber = subscribe("tcp://127.0.0.1:" + port);
            Process service = startService("tcp://127.0.0.1:" + port);
            Thread viewer = plan.viewer() == null ? null : startViewer(plan.viewer());
            List<long[]> series = new ArrayList<>();
            try {
                awaitFirstStats(service);
                long start = System.nanoTime();
                long end = start + (long) (plan.minutes() * 60e9);
                List<Long> restarts = new ArrayList<>();
                for (int i = 1; i <= plan.brokerRestarts(); i++) {
                    restarts.add(start + (end - start) * i / (plan.brokerRestarts() + 1));
                }
                out.printf("%8s %10s %11s %8s %8s %8s %10s %12s%n", "minute", "heap_gc_MB", "heap_low_MB", "rss_MB",
                        "threads", "fps", "received", "viewer_kB/s");
                long nextSample = System.nanoTime();
                long lastViewerBytes = 0;
                while (System.nanoTime() < end && service.isAlive()) {
                    if (!restarts.isEmpty() && System.nanoTime() >= restarts.get(0)) {
                        restarts.remove(0);
                        out.printf("  broker stopped for %d s%n", plan.brokerDownSeconds());
                        broker.stop();
                        Thread.sleep(plan.brokerDownSeconds() * 1000L);
                        broker.start();
                        out.println("  broker back");
                    }
                    if (System.nanoTime() >= nextSample) {
                        nextSample += plan.sampleSeconds() * 1_000_000_000L;
                        long vb = viewerBytes.get();
                        long[] row = sample(service, (System.nanoTime() - start) / 1e9 / 60, vb - lastViewerBytes);
                        lastViewerBytes = vb;
                        series.add(row);
                    }
                    Thread.sleep(100);
                }
                if (!service.isAlive()) {
                    throw new IOException("the service ended during the soak (exit " + service.exitValue() + "); its log: "
                            + plan.workDir().resolve("service.log"));
                }
                return finish(subscriber, series);
            } finally {
                running = false;
                if (viewer != null) {
                    viewer.interrupt();
                }
                service.destroy();
                if (!service.waitFor(30, TimeUnit.SECONDS)) {
                    service.destroyForcibly();
                }
                try {
                    subscriber.disconnect();
                } catch (MqttException e) {
                    // the broker may already be gone
                }
                subscriber.close();
            }
        }
    }

    private long[] sample(Process service, double minute, long viewerBytesSince) {
        JsonNode stats = lastStats.get("stats");
        JsonNode process = stats == null ? null : stats.path("process");
        long heapGc = process == null ? -1 : process.path("heap_after_gc_mb").asLong(-1);
        long lowest = lowestHeap.getAndSet(Long.MAX_VALUE);
        long heap = lowest == Long.MAX_VALUE ? -1 : lowest;
        long threads = process == null ? -1 : process.path("threads").asLong(-1);
        Long rss = ProcessFigures.rssMb(Path.of("/proc", Long.toString(service.pid()), "status"));
        double fps = stats == null ? 0 : stats.path("cameras").path("soak-cam").path("fps").asDouble();
        long received;
        synchronized (frames) {
            received = frames.cardinality();
        }
        double viewerKbs = viewerBytesSince / 1024.0 / plan.sampleSeconds();
        out.printf(Locale.ROOT, "%8.1f %10d %11d %8s %8d %8.1f %10d %12.0f%n", minute, heapGc, heap,
                rss == null ? "n/a" : rss.toString(), threads, fps, received, viewerKbs);
        return new long[] {Math.round(minute * 60), heapGc, heap, rss == null ? -1 : rss, threads};
    }

    private Outcome finish(MqttClient subscriber, List<long[]> series) throws Exception {
        // Stop the camera, let the last stats name the final count, and wait for every record.
        String request = "{\"id\":\"soak-end\",\"camera\":\"soak-cam\",\"enabled\":false}";
        subscriber.publish("vision/" + DEVICE + "/cmd/set", request.getBytes(StandardCharsets.UTF_8), 1, false);
        Thread.sleep(3000);
        long processed = -1;
        String settledAt = null;
        long deadline = System.nanoTime() + 60_000_000_000L;
        long received = 0;
        while (System.nanoTime() < deadline) {
            JsonNode stats = lastStats.get("stats");
            long now = stats == null ? -1 : stats.path("cameras").path("soak-cam").path("processed").asLong(-1);
            String ts = stats == null ? null : stats.path("ts").asText();
            if (ts != null && !ts.equals(settledAt)) {
                // the count is final once two stats messages in a row give the same figure
                boolean settled = now == processed;
                processed = now;
                settledAt = ts;
                synchronized (frames) {
                    received = frames.cardinality();
                }
                if (settled && processed >= 0 && received >= processed) {
                    break;
                }
            }
            Thread.sleep(200);
        }
        long duplicates = deliveries.get() - received;
        return new Outcome(processed, received, duplicates, series);
    }

    private MqttClient subscribe(String broker) throws MqttException {
        MqttClient client = new MqttClient(broker, "soak-subscriber", new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(false);
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(1000);
        options.setMaxInflight(1000);
        client.setCallback(new MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
                if (reconnect) {
                    try {
                        subscribeTopics(client);
                    } catch (MqttException e) {
                        out.println("  subscriber could not subscribe again: " + e.getMessage());
                    }
                }
            }

            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) throws IOException {
                JsonNode node = JSON.readTree(message.getPayload());
                if (topic.endsWith("/detections")) {
                    deliveries.incrementAndGet();
                    synchronized (frames) {
                        frames.set((int) node.path("frame").asLong());
                    }
                } else if (topic.endsWith("/stats")) {
                    lastStats.put("stats", node);
                    long heap = node.path("process").path("heap_used_mb").asLong(-1);
                    if (heap >= 0) {
                        lowestHeap.accumulateAndGet(heap, Math::min);
                    }
                }
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        client.connect(options);
        subscribeTopics(client);
        return client;
    }

    private static void subscribeTopics(MqttClient client) throws MqttException {
        client.subscribe(new String[] {"vision/" + DEVICE + "/+/detections", "vision/" + DEVICE + "/stats"},
                new int[] {1, 0});
    }

    private Process startService(String broker) throws IOException {
        Path config = plan.workDir().resolve("appliance.yaml");
        List<String> lines = new ArrayList<>(List.of(
                "device:", "  id: " + DEVICE,
                "model:", "  bundle: " + plan.model().toAbsolutePath(), "  backend: onnxruntime",
                "cameras:", "  - name: soak-cam", "    uri: synthetic://digits?fps=" + plan.fps(),
                "mqtt:", "  broker: " + broker, "  detections_qos: 1", "  spool_dir: " + plan.workDir().resolve("spool"),
                "  stats_seconds: 2"));
        if (plan.extraConfig() != null) {
            lines.add(plan.extraConfig());
        }
        Files.write(config, lines);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m"));
        String home = System.getProperty("edgevision.home");
        if (home != null) {
            command.add("-Dedgevision.home=" + home);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.edgevision.device.cli.ApplianceCli",
                "run", "--config", config.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(plan.workDir().resolve("service.log").toFile()).start();
    }

    private void awaitFirstStats(Process service) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!lastStats.containsKey("stats")) {
            if (!service.isAlive() || System.nanoTime() > deadline) {
                throw new IOException("the service sent no stats within 120 s (alive: " + service.isAlive()
                        + "); its log: " + plan.workDir().resolve("service.log"));
            }
            Thread.sleep(200);
        }
    }

    private Thread startViewer(String url) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            while (running) {
                try {
                    HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                            HttpResponse.BodyHandlers.ofInputStream());
                    try (InputStream in = response.body()) {
                        int n;
                        while (running && (n = in.read(buffer)) > 0) {
                            viewerBytes.addAndGet(n);
                        }
                    }
                } catch (IOException e) {
                    sleepQuietly();
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "soak-viewer");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
