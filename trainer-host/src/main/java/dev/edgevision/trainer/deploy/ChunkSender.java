package dev.edgevision.trainer.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * Sends a bundle in chunks over the broker to devices that reach only the broker (artifact url
 * {@code mqtt-chunks:NAME}): when a device asks on {@code .../jobs/{id}/chunks/want} with
 * {@code {"from": OFFSET}}, the bytes from that offset go to {@code .../jobs/{id}/chunks/{offset}},
 * at most 64 KiB each, in order, at QoS 1 with a bounded number in flight. A new request from the
 * same device (after a gap, a reconnect) replaces the one being served.
 */
final class ChunkSender implements AutoCloseable {
    static final int CHUNK = 64 * 1024;
    private static final int WINDOW = 16;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BrokerSession broker;
    private final DeployTopics topics;
    private final String jobId;
    private final DeployBundle bundle;
    private final Map<String, AtomicLong> generation = new ConcurrentHashMap<>();
    private final AtomicLong chunksSent = new AtomicLong();
    private final ExecutorService senders;

    ChunkSender(BrokerSession broker, DeployTopics topics, String jobId, DeployBundle bundle) {
        this.broker = broker;
        this.topics = topics;
        this.jobId = jobId;
        this.bundle = bundle;
        AtomicInteger n = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "deploy-chunks-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** The {@code artifact.url} of a job whose bundle this sender delivers. */
    static String url(DeployBundle bundle) {
        return "mqtt-chunks:" + bundle.fileName();
    }

    /** A device's {@code want}; ignored unless it names a byte inside the bundle. */
    void wanted(String device, byte[] payload) {
        long from;
        try {
            JsonNode doc = JSON.readTree(payload);
            if (doc == null || !doc.path("from").canConvertToLong()) {
                return;
            }
            from = doc.path("from").asLong();
        } catch (IOException e) {
            return;
        }
        if (from < 0 || from >= bundle.size()) {
            return;
        }
        long mine = generation.computeIfAbsent(device, d -> new AtomicLong()).incrementAndGet();
        senders.execute(() -> send(device, from, mine));
    }

    /** Chunks published so far, to every device. */
    long chunksSent() {
        return chunksSent.get();
    }

    private void send(String device, long from, long mine) {
        AtomicLong current = generation.get(device);
        Deque<IMqttDeliveryToken> inFlight = new ArrayDeque<>();
        try (FileChannel channel = FileChannel.open(bundle.copy(), StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
            long offset = from;
            while (offset < bundle.size() && current.get() == mine) {
                buffer.clear();
                int n = channel.read(buffer, offset);
                if (n <= 0) {
                    return;
                }
                byte[] chunk = Arrays.copyOf(buffer.array(), n);
                inFlight.add(broker.publish(topics.chunk(device, jobId, offset), chunk, false));
                chunksSent.incrementAndGet();
                offset += n;
                while (inFlight.size() >= WINDOW) {
                    inFlight.removeFirst().waitForCompletion(BrokerSession.WAIT_MILLIS);
                }
            }
        } catch (IOException | MqttException e) {
            // the device asks again from where it is when chunks stop coming
            System.err.println("deploy: chunks for " + device + " stopped (" + e.getMessage()
                    + "); the device asks again");
        }
    }

    @Override
    public void close() {
        senders.shutdownNow();
    }
}
