package dev.edgevision.device.mqtt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.edgevision.core.detect.DetectionRecord;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.device.events.ObjectTracker;
import dev.edgevision.device.events.TrackEvent;
import dev.edgevision.device.events.TrackedObject;
import dev.edgevision.device.events.TrackerSettings;
import dev.edgevision.device.service.ApplianceListener;
import dev.edgevision.device.snapshot.BestSnapshots;
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
 * {@code vision/{device}/{camera}/{label}} whenever it changes (the sum of all labels on
 * {@code .../{camera}/all}). With snapshots, each label's best object is kept as a JPEG, retained on
 * {@code .../{camera}/{label}/snapshot}, and the events' objects say whether they are the one shown
 * ({@code has_snapshot}, {@code snapshot_topic}, {@code snapshot_ts}). Runs on the cameras' threads;
 * the publisher queues.
 */
public final class MqttEvents implements ApplianceListener {
    private static final Logger LOG = LoggerFactory.getLogger(MqttEvents.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private final MqttPublisher publisher;
    private final TrackerSettings settings;
    private final BestSnapshots snapshots;
    private final Map<String, ObjectTracker> trackers = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Integer>> published = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> lastShown = new ConcurrentHashMap<>();

    /** Events and counts, without snapshots. */
    public MqttEvents(MqttPublisher publisher, TrackerSettings settings) {
        this(publisher, settings, null);
    }

    /** Events and counts, and {@code snapshots} fed with the tracks and frames (null: none); closed with this. */
    public MqttEvents(MqttPublisher publisher, TrackerSettings settings, BestSnapshots snapshots) {
        this.publisher = publisher;
        this.settings = settings;
        this.snapshots = snapshots;
    }

    /**
     * Snapshots to the publisher: each JPEG retained on its label's snapshot topic at QoS 0, so that
     * while the broker is away they are dropped (and counted) rather than fill the spool and push
     * events out of it; the next change sends a fresh one.
     */
    public static BestSnapshots.Sink snapshotSink(MqttPublisher publisher) {
        return (camera, label, jpeg) -> {
            if (Topics.levelProblem(label) == null) {
                publisher.publishRetained(publisher.topics().snapshot(camera, label), jpeg, 0);
            }
        };
    }

    @Override
    public void onRecord(String camera, DetectionRecord record) {
        ObjectTracker tracker = trackers.computeIfAbsent(camera, c -> new ObjectTracker(settings));
        long ts = Instant.parse(record.ts()).toEpochMilli();
        List<TrackEvent> events = tracker.update(ts, record.frame(), record.detections());
        if (snapshots != null) {
            snapshots.tracked(camera, record.frame(), tracker.live());
        }
        for (TrackEvent e : events) {
            try {
                publisher.publishEvent(camera, JSON.writeValueAsString(withSnapshots(camera, e)));
            } catch (JsonProcessingException ex) {
                LOG.warn("events: an event of {} could not be written: {}", camera, ex.getMessage());
            }
        }
        if (!events.isEmpty()) {
            publishCounts(camera, tracker.counts());
        }
    }

    @Override
    public void onFrame(String camera, Frame frame, DetectionRecord record) {
        if (snapshots != null) {
            snapshots.frame(camera, frame, record);
        }
    }

    /** The event as JSON, its objects saying whether their label's snapshot shows them now (before: as last said). */
    private ObjectNode withSnapshots(String camera, TrackEvent e) {
        ObjectNode node = JSON.valueToTree(e);
        if (snapshots == null) {
            return node;
        }
        ObjectNode after = (ObjectNode) node.get("after");
        shown(camera, e.after(), after);
        String key = camera + "/" + e.after().id();
        ObjectNode before = lastShown.get(key);
        if (before != null && !"new".equals(e.type())) {
            ((ObjectNode) node.get("before")).setAll(before);
        } else {
            ((ObjectNode) node.get("before")).setAll(snapshotFields(after));
        }
        if ("end".equals(e.type())) {
            lastShown.remove(key);
        } else {
            lastShown.put(key, snapshotFields(after));
        }
        return node;
    }

    private void shown(String camera, TrackedObject object, ObjectNode node) {
        BestSnapshots.Ref ref = snapshots.ref(camera, object.label());
        boolean shown = ref != null && ref.trackId().equals(object.id()) && Topics.levelProblem(object.label()) == null;
        node.put("has_snapshot", shown);
        if (shown) {
            node.put("snapshot_topic", publisher.topics().snapshot(camera, object.label()));
            node.put("snapshot_ts", Instant.ofEpochMilli(ref.tsMillis()).toString());
        }
    }

    private static ObjectNode snapshotFields(ObjectNode object) {
        ObjectNode fields = JSON.createObjectNode();
        for (String name : List.of("has_snapshot", "snapshot_topic", "snapshot_ts")) {
            if (object.has(name)) {
                fields.set(name, object.get(name));
            }
        }
        return fields;
    }

    private void publishCounts(String camera, Map<String, Integer> counts) {
        Map<String, Integer> before = published.computeIfAbsent(camera, c -> new HashMap<>());
        Map<String, Integer> all = new HashMap<>(counts);
        all.remove(Topics.ALL); // a label called "all" would clash with the total
        before.keySet().forEach(label -> all.putIfAbsent(label, 0));
        all.put("\0" + Topics.ALL, counts.values().stream().mapToInt(Integer::intValue).sum());
        all.forEach((label, count) -> {
            boolean total = label.equals("\0" + Topics.ALL);
            if (!count.equals(before.get(label)) && (total || Topics.levelProblem(label) == null)) {
                publisher.publishRetained(total ? publisher.topics().allCount(camera) : publisher.topics().label(camera,
                        label), String.valueOf(count).getBytes(StandardCharsets.UTF_8));
                before.put(label, count);
            }
        });
    }

    /** Stops the snapshot encoder (after what is queued). */
    @Override
    public void close() {
        if (snapshots != null) {
            snapshots.close();
        }
    }
}
