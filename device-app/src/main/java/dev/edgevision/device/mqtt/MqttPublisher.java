package dev.edgevision.device.mqtt;

import dev.edgevision.device.status.DeviceStatus;
import dev.edgevision.core.detect.DetectionJson;
import dev.edgevision.core.detect.DetectionPublisher;
import dev.edgevision.core.detect.DetectionRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the device's messages to its MQTT broker without ever making the caller wait for the
 * network. Every {@code publish...} method puts the message on a bounded in-memory queue and
 * returns; one sender thread does the rest:
 *
 * <ul>
 *   <li>detections at the configured QoS (default 0), events at QoS 1, stats at QoS 0;</li>
 *   <li>QoS 0 while the broker is away: dropped and counted;</li>
 *   <li>QoS 1 and 2: written to the on-disk spool first, sent in order, and removed only when the
 *       broker acknowledges them, so they survive outages and restarts (within the spool's bounds);</li>
 *   <li>the status, retained at QoS 1, sent on every connection; the same topic carries the last
 *       will ({@code "state": "offline"}), and {@link #close()} publishes offline before disconnecting.</li>
 * </ul>
 *
 * <p>It starts whether or not the broker is reachable and keeps connecting, with exponential
 * back-off, for as long as it lives; connection problems are logged with the broker and the reason
 * and show in {@link #stats()}, they never end the process.
 */
public final class MqttPublisher implements DetectionPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(MqttPublisher.class);
    private static final long CLOSE_WAIT_MILLIS = 10_000;

    private final MqttSettings settings;
    private final Topics topics;
    private final Counters counters;
    private final ArrayBlockingQueue<Outbound> queue;
    private final SenderLoop sender;
    private final Thread thread;
    private final BrokerLink link;
    private final AtomicReference<DeviceStatus> status;
    private final Map<String, String> detectionTopics = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private volatile int detectionsQos;

    private MqttPublisher(MqttSettings settings, DeviceStatus initial, Spool spool) throws IOException {
        this.settings = settings;
        this.topics = new Topics(settings.topicPrefix(), settings.deviceId());
        this.counters = new Counters(settings.broker());
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.status = new AtomicReference<>(initial);
        this.detectionsQos = settings.detectionsQos();
        this.sender = new SenderLoop(queue, spool, counters, settings.maxInflight(), topics.status(),
                () -> Payloads.status(settings.deviceId(), status.get(), null, counters.snapshot()),
                () -> Payloads.status(settings.deviceId(), status.get().withState(DeviceStatus.OFFLINE), "shutdown", null));
        this.link = new BrokerLink(settings, counters, sender::post, sender, topics.status(),
                () -> Payloads.will(settings.deviceId(), status.get()));
        this.thread = new Thread(sender, "mqtt-sender-" + settings.deviceId());
        thread.setDaemon(true);
        sender.attach(link, thread);
    }

    /**
     * Opens the spool and starts publishing; returns at once, connected or not.
     *
     * @param initial the status to announce; {@link #publishStatus} replaces it
     * @throws IllegalArgumentException listing every problem of {@code settings}
     * @throws IOException if the spool directory cannot be used (the message names it)
     */
    public static MqttPublisher start(MqttSettings settings, DeviceStatus initial) throws IOException {
        Objects.requireNonNull(initial, "initial status");
        var problems = settings.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("MQTT settings: " + String.join("; ", problems));
        }
        Spool spool = Spool.open(settings.spoolDir(), settings.spoolMaxBytes(), settings.spoolMaxMessages());
        MqttPublisher publisher;
        try {
            publisher = new MqttPublisher(settings, initial, spool);
        } catch (IOException | RuntimeException e) {
            spool.close();
            throw e;
        }
        LOG.info("MQTT: publishing to {} as {} under {}/{}/..., detections at QoS {}, spool {} ({} messages waiting)",
                settings.broker(), settings.clientId(), settings.topicPrefix(), settings.deviceId(),
                settings.detectionsQos(), settings.spoolDir(), spool.size());
        publisher.thread.start();
        return publisher;
    }

    /**
     * Queues a detection record for {@code vision/{device}/{camera}/detections}; returns at once.
     *
     * @throws IllegalArgumentException if {@code camera} cannot be a topic level (holds '/', '+', '#')
     */
    @Override
    public void publish(String camera, DetectionRecord record) {
        String topic = detectionTopics.computeIfAbsent(camera, topics::detections);
        offer(new Outbound(topic, detectionsQos, false,
                () -> DetectionJson.write(record).getBytes(StandardCharsets.UTF_8)));
    }

    /** Changes the QoS of detection records from the next one on (0, 1 or 2). */
    public void detectionsQos(int qos) {
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("detections QoS must be 0, 1 or 2, got " + qos);
        }
        detectionsQos = qos;
    }

    /** The QoS detection records go out at now. */
    public int detectionsQos() {
        return detectionsQos;
    }

    /** Queues a tracked-object event (JSON) for {@code .../{camera}/events} at QoS 1; returns at once. */
    public void publishEvent(String camera, String json) {
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);
        offer(new Outbound(topics.events(camera), 1, false, () -> payload));
    }

    /**
     * Replaces the device status; it is published (retained, QoS 1) now if connected, else on the
     * next connection, and the last will follows it. Returns at once.
     */
    public void publishStatus(DeviceStatus newStatus) {
        status.set(Objects.requireNonNull(newStatus, "status"));
        sender.statusChanged();
    }

    /**
     * Queues a stats message (QoS 0) made of {@code fields} (fps, latency percentiles, dropped
     * frames, temperatures...) plus the device, time, model and the publisher's own figures.
     */
    public void publishStats(Map<String, ?> fields) {
        Map<String, ?> copy = Map.copyOf(fields);
        offer(new Outbound(topics.stats(), 0, false,
                () -> Payloads.stats(settings.deviceId(), status.get().model(), copy, counters.snapshot())));
    }

    /**
     * Queues a response or job message (JSON) for {@code topic} at QoS 1, not retained; it waits in
     * the spool while the broker is away. Returns at once.
     */
    public void publishReply(String topic, byte[] payload) {
        byte[] copy = payload.clone();
        offer(new Outbound(topic, 1, false, () -> copy));
    }

    /** Queues a retained QoS 1 message for {@code topic} (a job's status; empty clears it). Returns at once. */
    public void publishRetained(String topic, byte[] payload) {
        publishRetained(topic, payload, 1);
    }

    /**
     * Queues a retained message at {@code qos}; at QoS 0 it is dropped (and counted) while the broker
     * is away instead of waiting in the spool: for large messages where only the newest matters.
     */
    public void publishRetained(String topic, byte[] payload, int qos) {
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("QoS must be 0, 1 or 2, got " + qos);
        }
        byte[] copy = payload.clone();
        offer(new Outbound(topic, qos, true, () -> copy));
    }

    /**
     * Subscribes to {@code filter} (QoS 1) on this and every later connection; {@code handler} gets
     * each message's topic and payload on the MQTT client's thread and must hand the work over.
     */
    public void subscribe(String filter, java.util.function.BiConsumer<String, byte[]> handler) {
        sender.post(() -> link.subscribe(filter, handler));
    }

    /** The publisher's figures now. */
    public PublisherStats stats() {
        return counters.snapshot();
    }

    /** The topics this publisher writes to. */
    public Topics topics() {
        return topics;
    }

    private void offer(Outbound message) {
        if (closed || !queue.offer(message)) {
            long dropped = counters.droppedQueueFull.incrementAndGet();
            if (dropped == 1 || dropped % 1000 == 0) {
                LOG.warn("MQTT: {} messages dropped because {} (mqtt.queue-capacity {}); the sender cannot keep up",
                        dropped, closed ? "the publisher is closed" : "the hand-over queue is full",
                        settings.queueCapacity());
            }
            return;
        }
        sender.wake();
    }

    /**
     * Sends what it can within a few seconds, publishes the offline status, disconnects and closes
     * the spool; unsent QoS 1 messages stay in the spool for the next start.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        sender.stop();
        try {
            thread.join(CLOSE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("MQTT: the sender did not finish within {} ms; leaving it", CLOSE_WAIT_MILLIS);
        }
    }
}
