package dev.edgevision.trainer.classifier;

import java.util.List;

/** Class names of the digit models: class id {@code d} is the digit {@code d}. */
public final class DigitLabels {
    /** "0" .. "9". */
    public static final List<String> LABELS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    /** The reject class's label: a mark on the page that is not a digit (class id 10). */
    public static final String REJECT = "not_digit";
    /** "0" .. "9" and {@link #REJECT}. */
    public static final List<String> WITH_REJECT = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", REJECT);

    private DigitLabels() {
    }
}
