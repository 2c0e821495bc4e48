package dev.edgevision.core.model;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Which way round ink and background were in the training data. MNIST is white ink on black
 * ({@link #LIGHT_ON_DARK}); a camera looking at paper sees dark ink on light, so a device must
 * invert such frames before a {@code LIGHT_ON_DARK} model sees them.
 */
public enum Polarity {
    LIGHT_ON_DARK("light_on_dark"),
    DARK_ON_LIGHT("dark_on_light"),
    /** Natural images: no inversion ever applies. */
    NATURAL("natural");

    private final String wireName;

    Polarity(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
