package dev.edgevision.core.detect;

import java.util.List;
import java.util.Objects;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

/** JSON of detection records: snake_case keys, one line per record, as the contract fixes. */
public final class DetectionJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private DetectionJson() {
    }

    /**
     * The record as one line of JSON. A detection holding a non-finite number (a NaN score from a
     * model whose normalisation overflowed) is left out and a non-finite timing becomes 0: JSON has
     * no NaN, and the contract's numbers are numbers.
     */
    public static String write(DetectionRecord record) {
        try {
            return MAPPER.writeValueAsString(finite(record));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a detection record could not be written as JSON", e);
        }
    }

    static DetectionRecord finite(DetectionRecord r) {
        List<Detection> kept = r.detections() == null ? null
                : r.detections().stream().filter(DetectionJson::finite).toList();
        StageTimings t = r.latencyMs();
        StageTimings timings = t == null ? null : new StageTimings(finite(t.capture()), finite(t.preprocess()),
                finite(t.inference()), finite(t.postprocess()), finite(t.total()));
        if (Objects.equals(kept, r.detections()) && Objects.equals(timings, t)) {
            return r;
        }
        return new DetectionRecord(r.schema(), r.device(), r.camera(), r.source(), r.frame(), r.ts(), r.width(),
                r.height(), r.model(), r.backend(), timings, kept);
    }

    private static boolean finite(Detection d) {
        BoundingBox b = d.box();
        return Double.isFinite(d.score()) && (b == null || (Double.isFinite(b.x()) && Double.isFinite(b.y())
                && Double.isFinite(b.w()) && Double.isFinite(b.h())));
    }

    private static double finite(double value) {
        return Double.isFinite(value) ? value : 0;
    }

    /** Parses a record (for subscribers and tests); unknown fields are ignored. */
    public static DetectionRecord read(String json) throws JsonProcessingException {
        return MAPPER.readValue(json, DetectionRecord.class);
    }
}
