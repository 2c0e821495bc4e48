package dev.edgevision.trainer.detector.labels;

/** A labelled dataset that cannot be used; the message lists each problem with file and line. */
public class LabelException extends Exception {
    public LabelException(String message) {
        super(message);
    }
}
