package dev.edgevision.core.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a model does, which decides how its output is decoded into detections. */
public enum Task {
    /** One label for the whole input (or for each region the device hands it). */
    CLASSIFICATION("classification"),
    /** Boxes with labels in one pass. */
    DETECTION("detection");

    private final String wireName;

    Task(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
