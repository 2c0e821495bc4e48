package dev.edgevision.device.http;

import dev.edgevision.core.detect.StageTimings;
import dev.edgevision.core.frame.SourceStatus;
import dev.edgevision.device.mqtt.PublisherStats;
import dev.edgevision.device.pipeline.CameraPipeline;
import dev.edgevision.device.pipeline.ServedModel;
import dev.edgevision.device.service.Appliance;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The service's Prometheus metrics, through the Prometheus Java client: frames per camera (read
 * from the pipelines and sources at scrape time), per-stage latency histograms (observed on each
 * record), the MQTT publisher's figures, the preview's encodes, and the model and backend serving
 * as an info gauge. One registry per server, so several services in one JVM (tests) never mix.
 */
final class ServiceMetrics {
    private static final double[] LATENCY_BOUNDS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
        0.5, 1, 2.5, 5};
    private static final List<String> STAGES = List.of("capture", "preprocess", "inference", "postprocess", "total");

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final Histogram latency;
    private final Histogram encode;
    private final Map<String, DistributionDataPoint[]> byCamera = new ConcurrentHashMap<>();
    private volatile Appliance appliance;

    ServiceMetrics(PreviewFeed preview) {
        latency = Histogram.builder().name("edgevision_stage_latency_seconds")
                .help("Time per stage of each processed frame, from capture (glass) to the record")
                .labelNames("camera", "stage").classicOnly().classicUpperBounds(LATENCY_BOUNDS).withoutExemplars()
                .register(registry);
        encode = Histogram.builder().name("edgevision_preview_encode_seconds")
                .help("Time to draw and JPEG-encode one preview frame, on the pipeline's thread")
                .labelNames("camera").classicOnly().classicUpperBounds(LATENCY_BOUNDS).withoutExemplars()
                .register(registry);
        cameraCounter("edgevision_frames_processed", "Frames detected and published", p -> p.processed());
        cameraCounter("edgevision_frames_failed", "Frames whose detection failed", p -> p.failures());
        cameraCounter("edgevision_frames_captured", "Frames the camera delivered", p -> status(p).captured());
        cameraCounter("edgevision_frames_dropped", "Frames overwritten before the pipeline took them (latest-frame"
                + " semantics: the pipeline was busy)", p -> status(p).dropped());
        cameraCounter("edgevision_source_reopened", "Times the camera was reopened after losing its device or stream",
                p -> status(p).reopened());
        cameraCounter("edgevision_records_overtaken", "Records dropped to keep frame order: a frame grabbed after"
                + " theirs was published first (model.workers above 1)", CameraPipeline::overtaken);
        GaugeWithCallback.builder().name("edgevision_camera_enabled").help("1 while detection runs on the camera")
                .labelNames("camera").callback(cb -> pipelines().forEach(p -> cb.call(p.enabled() ? 1 : 0,
                        p.camera()))).register(registry);
        GaugeWithCallback.builder().name("edgevision_model_info")
                .help("The model and backend serving now (always 1; the labels say which)")
                .labelNames("model", "version", "sha256", "task", "backend").callback(cb -> {
                    Appliance a = appliance;
                    if (a != null) {
                        ServedModel m = a.models().current();
                        cb.call(1, m.identity().name(), m.identity().version(), m.identity().sha256(),
                                m.bundle().manifest().task().wireName(), String.valueOf(a.backendName()));
                    }
                }).register(registry);
        previewMetrics(preview);
    }

    void attach(Appliance started) {
        this.appliance = started;
    }

    /** Observes one record's stage times. Called on the pipeline's thread; the series are looked up once per camera. */
    void record(String camera, StageTimings t) {
        if (t == null) {
            return;
        }
        DistributionDataPoint[] stages = byCamera.get(camera);
        if (stages == null) {
            stages = STAGES.stream().map(s -> latency.labelValues(camera, s)).toArray(DistributionDataPoint[]::new);
            byCamera.put(camera, stages);
        }
        stages[0].observe(t.capture() / 1000);
        stages[1].observe(t.preprocess() / 1000);
        stages[2].observe(t.inference() / 1000);
        stages[3].observe(t.postprocess() / 1000);
        stages[4].observe(t.total() / 1000);
    }

    /** Observes one preview encode. */
    void encoded(String camera, double millis) {
        encode.labelValues(camera).observe(millis / 1000);
    }

    /** The metrics in the Prometheus text format (version 0.0.4). */
    byte[] scrape() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        writer.write(out, registry.scrape(), EscapingScheme.UNDERSCORE_ESCAPING);
        return out.toByteArray();
    }

    String contentType() {
        return writer.getContentType();
    }

    static List<String> stages() {
        return STAGES;
    }

    private void cameraCounter(String name, String help, ToDoubleFunction<CameraPipeline> value) {
        CounterWithCallback.builder().name(name).help(help).labelNames("camera")
                .callback(cb -> pipelines().forEach(p -> cb.call(value.applyAsDouble(p), p.camera())))
                .register(registry);
    }

    private void previewMetrics(PreviewFeed preview) {
        CounterWithCallback.builder().name("edgevision_preview_encodes").help("Preview frames encoded (once per frame"
                + " served, whatever the number of viewers)").labelNames("camera")
                .callback(cb -> preview.cameras().forEach(c -> cb.call(preview.slot(c).encodes(), c)))
                .register(registry);
        GaugeWithCallback.builder().name("edgevision_preview_viewers").help("Preview streams open now")
                .labelNames("camera").callback(cb -> preview.cameras().forEach(c -> cb.call(preview.slot(c).viewers(),
                        c))).register(registry);
    }

    /** Adds the MQTT publisher's figures, read from {@code mqtt} at each scrape. */
    void mqtt(Supplier<PublisherStats> mqtt) {
        gauge("edgevision_mqtt_connected", "1 while the broker connection is up", mqtt, s -> s.connected() ? 1 : 0);
        gauge("edgevision_mqtt_spool_messages", "QoS 1 and 2 messages waiting in the spool", mqtt,
                PublisherStats::spoolMessages);
        gauge("edgevision_mqtt_spool_bytes", "Bytes waiting in the spool", mqtt, PublisherStats::spoolBytes);
        counter("edgevision_mqtt_published", "Messages the broker took", mqtt, PublisherStats::published);
        counter("edgevision_mqtt_spooled", "QoS 1 and 2 messages written to the spool", mqtt, PublisherStats::spooled);
        counter("edgevision_mqtt_reconnects", "Connections made after the first one", mqtt,
                PublisherStats::reconnects);
        CounterWithCallback.builder().name("edgevision_mqtt_dropped").help("Messages dropped, by reason: offline"
                + " (QoS 0 while the broker was away), queue_full (in-memory queue), spool (spool bound or unreadable)")
                .labelNames("reason").callback(cb -> {
                    PublisherStats s = mqtt.get();
                    cb.call(s.droppedOffline(), "offline");
                    cb.call(s.droppedQueueFull(), "queue_full");
                    cb.call(s.spoolDropped(), "spool");
                }).register(registry);
    }

    private void gauge(String name, String help, Supplier<PublisherStats> mqtt, ToDoubleFunction<PublisherStats> f) {
        GaugeWithCallback.builder().name(name).help(help).callback(cb -> cb.call(f.applyAsDouble(mqtt.get())))
                .register(registry);
    }

    private void counter(String name, String help, Supplier<PublisherStats> mqtt, ToDoubleFunction<PublisherStats> f) {
        CounterWithCallback.builder().name(name).help(help).callback(cb -> cb.call(f.applyAsDouble(mqtt.get())))
                .register(registry);
    }

    private List<CameraPipeline> pipelines() {
        Appliance a = appliance;
        return a == null ? List.of() : List.copyOf(a.pipelines());
    }

    private static SourceStatus status(CameraPipeline p) {
        return p.source().status();
    }
}
