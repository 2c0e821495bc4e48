package dev.edgevision.device.status;

/**
 * One camera's figures over the last stats interval.
 *
 * @param fps frames processed per second over the interval
 * @param p50 glass-to-publish latency percentiles of recent frames, milliseconds (also p95, p99)
 * @param processed frames processed since start
 * @param failed frames whose processing failed since start
 * @param captured frames the source captured since start
 * @param dropped frames the source dropped because the pipeline was busy
 * @param reopened times the source was reopened
 * @param overtaken records dropped to keep frame order: a frame grabbed after theirs was published first
 *     (only with more than one worker)
 * @param state the source's state, lower case ({@code streaming}, {@code reconnecting}, ...)
 * @param lastError the source's most recent error, or null
 * @param stagesP50 median milliseconds of recent frames per stage (capture, preprocess, inference, postprocess)
 * @param stagesP95 95th percentile milliseconds per stage
 */
public record CameraStats(double fps, double p50, double p95, double p99, long processed, long failed, long captured,
        long dropped, long reopened, long overtaken, String state, String lastError, java.util.Map<String, Double> stagesP50,
        java.util.Map<String, Double> stagesP95) {
}
