package dev.edgevision.ort;

/** ONNX Runtime refused to load or run a model; the message carries its reason. */
public class OrtModelException extends Exception {
    public OrtModelException(String message) {
        super(message);
    }

    public OrtModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
