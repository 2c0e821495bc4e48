package dev.edgevision.device.pipeline;

import dev.edgevision.core.detect.StageTimings;
import java.util.LinkedHashMap;
import java.util.Map;

/** One latency window per pipeline stage (capture, preprocess, inference, postprocess), for stats. */
public final class StageWindows {
    private final LatencyWindow capture;
    private final LatencyWindow preprocess;
    private final LatencyWindow inference;
    private final LatencyWindow postprocess;

    public StageWindows(int capacity) {
        capture = new LatencyWindow(capacity);
        preprocess = new LatencyWindow(capacity);
        inference = new LatencyWindow(capacity);
        postprocess = new LatencyWindow(capacity);
    }

    /** Records one frame's stage times. */
    public void record(StageTimings t) {
        capture.record(t.capture());
        preprocess.record(t.preprocess());
        inference.record(t.inference());
        postprocess.record(t.postprocess());
    }

    /** The {@code p}-th percentile of each stage in milliseconds, by stage name, in pipeline order. */
    public Map<String, Double> percentile(double p) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("capture", capture.percentile(p));
        m.put("preprocess", preprocess.percentile(p));
        m.put("inference", inference.percentile(p));
        m.put("postprocess", postprocess.percentile(p));
        return m;
    }
}
