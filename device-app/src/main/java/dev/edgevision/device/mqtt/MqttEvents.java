package dev.edgevision.device.mqtt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.edgevision.core.detect.DetectionRecord;
import dev.edgevision.device.events.ObjectTracker;
import dev.edgevision.device.events.TrackEvent;
import dev.edgevision.device.events.TrackerSettings;
import dev.edgevision.device.service.ApplianceListener;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracked-object events on MQTT: each camera's records go through its own tracker, whose events are
 * published on {@code vision/{device}/{camera}/events} (QoS 1: {@code type}, {@code before},
 * {@code after}), and each label's count of confirmed objects, retained, on
 * {@code vision/{device}/{camera}/{label}} whenever it changes. Runs on the cameras' threads; the
 * publisher queues.
 */
public final class MqttEvents implements ApplianceListener {
    private static final Logger LOG = LoggerFactory.getLogger(MqttEvents.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private final MqttPublisher publisher;
    private final TrackerSettings settings;
    private final Map<String, ObjectTracker> trackers = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Integer>> published = new ConcurrentHashMap<>();

    public MqttEvents(MqttPublisher publisher, TrackerSettings settings) {
        this.publisher = publisher;
        this.settings = settings;
    }

    @Override
    public void onRecord(String camera, DetectionRecord record) {
        ObjectTracker tracker = trackers.computeIfAbsent(camera, c -> new ObjectTracker(settings));
        long ts = Instant.parse(record.ts()).toEpochMilli();
        List<TrackEvent> events = tracker.update(ts, record.frame(), record.detections());
        for (TrackEvent e : events) {
            try {
                publisher.publishEvent(camera, JSON.writeValueAsString(e));
            } catch (JsonProcessingException ex) {
                LOG.warn("events: an event of {} could not be written: {}", camera, ex.getMessage());
            }
        }
        if (!events.isEmpty()) {
            publishCounts(camera, tracker.counts());
        }
    }

    private void publishCounts(String camera, Map<String, Integer> counts) {
        Map<String, Integer> before = published.computeIfAbsent(camera, c -> new HashMap<>());
        Map<String, Integer> all = new HashMap<>(counts);
        before.keySet().forEach(label -> all.putIfAbsent(label, 0));
        all.forEach((label, count) -> {
            if (!count.equals(before.get(label)) && Topics.levelProblem(label) == null) {
                publisher.publishRetained(publisher.topics().label(camera, label),
                        String.valueOf(count).getBytes(StandardCharsets.UTF_8));
                before.put(label, count);
            }
        });
    }
}
