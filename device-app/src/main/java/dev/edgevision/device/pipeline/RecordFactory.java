package dev.edgevision.device.pipeline;

import dev.edgevision.core.detect.DetectionRecord;
import dev.edgevision.core.detect.Detector;
import dev.edgevision.core.detect.ModelIdentity;
import dev.edgevision.core.detect.StageTimings;
import dev.edgevision.core.frame.Frame;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;

/** Builds contract detection records for one device, camera and model. */
public final class RecordFactory {
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final String device;
    private final String camera;
    private final Supplier<ModelIdentity> model;
    private final Supplier<String> backend;

    public RecordFactory(String device, String camera, ModelIdentity model, String backend) {
        this(device, camera, () -> model, () -> backend);
    }

    /**
     * Records whose model and backend are asked for per record: a pipeline may move from the CPU to
     * TensorRT, or to a new model, while it runs.
     */
    public RecordFactory(String device, String camera, Supplier<ModelIdentity> model, Supplier<String> backend) {
        this.device = device;
        this.camera = camera;
        this.model = model;
        this.backend = backend;
    }

    /**
     * The record of {@code frame}: {@code grabbedNanos} is when the pipeline took the frame, the
     * total runs from the capture stamp to now.
     */
    public DetectionRecord record(String source, Frame frame, long grabbedNanos, Detector.Result result) {
        double capture = Math.max(0, (grabbedNanos - frame.captureNanos()) / 1e6);
        double total = Math.max(0, (System.nanoTime() - frame.captureNanos()) / 1e6);
        StageTimings timings = new StageTimings(round(capture), round(result.preprocessMs()),
                round(result.inferenceMs()), round(result.postprocessMs()), round(total));
        return new DetectionRecord(DetectionRecord.SCHEMA, device, camera, source, frame.sequence(),
                TS.format(Instant.ofEpochMilli(frame.captureEpochMillis())), frame.width(), frame.height(), model.get(),
                backend.get(), timings, result.detections());
    }

    private static double round(double ms) {
        return Math.round(ms * 1000) / 1000.0;
    }
}
