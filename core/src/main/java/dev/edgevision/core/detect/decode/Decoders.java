package dev.edgevision.core.detect.decode;

import dev.edgevision.core.model.DecoderSpec;
import dev.edgevision.core.model.ModelManifest;
import dev.edgevision.core.model.Task;
import java.util.List;

/** Makes the decoder a detection manifest declares, checking its parameters and output shapes once. */
public final class Decoders {
    /** The {@code decoder.type} values of detection models. */
    public static final List<String> TYPES = List.of("yolo2", "yolov5", "yolov8", "ssd");

    private Decoders() {
    }

    /**
     * The decoder {@code manifest} declares.
     *
     * @param source the bundle or model file, named in every error
     * @throws DecoderException naming the source and the key or output when the declaration
     *     cannot work for this model
     */
    public static DetectionDecoder create(ModelManifest manifest, String source) throws DecoderException {
        DecoderSpec spec = manifest.decoder();
        if (manifest.task() != Task.DETECTION) {
            throw new DecoderException(source, "task is '" + (manifest.task() == null ? null : manifest.task().wireName())
                    + "'; detection decoders serve task 'detection'");
        }
        if (spec == null || spec.type() == null || spec.output() == null) {
            throw new DecoderException(source, "decoder needs a type (" + String.join(", ", TYPES) + ") and an output");
        }
        if (manifest.labels() == null || manifest.labels().isEmpty()) {
            throw new DecoderException(source, "labels is missing or empty");
        }
        DecoderParameters parameters = new DecoderParameters(source, spec.type(), spec.parameters());
        return switch (spec.type()) {
            case "yolo2" -> new Yolo2Decoder(manifest, source, parameters);
            case "yolov5" -> new Yolov5Decoder(manifest, source, parameters);
            case "yolov8" -> new Yolov8Decoder(manifest, source, parameters);
            case "ssd" -> new SsdDecoder(manifest, source, parameters);
            default -> throw new DecoderException(source, "decoder.type '" + spec.type()
                    + "' is not a detection decoder this software knows (" + String.join(", ", TYPES) + ")");
        };
    }
}
