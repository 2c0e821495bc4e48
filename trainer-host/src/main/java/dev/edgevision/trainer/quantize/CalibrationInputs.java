package dev.edgevision.trainer.quantize;

import java.io.IOException;

/** The model inputs a calibration pass runs the float graph on, one sample at a time. */
public interface CalibrationInputs {
    /** Number of samples. */
    int count();

    /** Writes sample {@code index}'s model input (one sample, the graph's input layout) into {@code target}. */
    void fill(int index, float[] target) throws IOException;

    /** What the samples are, for the manifest (e.g. {@code 200 generated training scenes, seed 1}). */
    String describe();
}
