package dev.edgevision.core.detect;

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

    /** The record as one line of JSON. */
    public static String write(DetectionRecord record) {
        try {
            return MAPPER.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a detection record could not be written as JSON", e);
        }
    }

    /** Parses a record (for subscribers and tests); unknown fields are ignored. */
    public static DetectionRecord read(String json) throws JsonProcessingException {
        return MAPPER.readValue(json, DetectionRecord.class);
    }
}
