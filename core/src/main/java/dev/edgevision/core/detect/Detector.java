package dev.edgevision.core.detect;

import dev.edgevision.core.frame.Frame;
import java.util.List;

/**
 * Runs one model on frames: pre-processing as the model's manifest declares, the backend's
 * inference, and decoding into detections in source-frame pixels. A detector owns native
 * resources (sessions, engines, buffers allocated once) and is used from one thread.
 */
public interface Detector extends AutoCloseable {
    /** Detections of one frame, with the time each stage took. */
    record Result(List<Detection> detections, double preprocessMs, double inferenceMs, double postprocessMs) {
    }

    /** Finds what the model sees in {@code frame}. */
    Result detect(Frame frame) throws DetectorException;

    /** The model this detector runs. */
    ModelIdentity model();

    /** The backend's name, e.g. {@code onnxruntime-cpu} or {@code tensorrt-fp16}. */
    String backend();

    @Override
    void close();
}
