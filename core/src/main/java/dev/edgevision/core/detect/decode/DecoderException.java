package dev.edgevision.core.detect.decode;

import dev.edgevision.core.detect.DetectorException;

/**
 * A manifest's decoder declaration that cannot work: an unknown type, a parameter that is missing
 * or out of range, or output shapes that do not fit the declared type. The message names the
 * source (bundle or ONNX file), the key or output, and what was expected.
 */
public class DecoderException extends DetectorException {
    /**
     * @param source the bundle or model file the declaration belongs to
     * @param problem what is wrong and what to do, naming the key or output
     */
    public DecoderException(String source, String problem) {
        super(source + ": " + problem);
    }
}
