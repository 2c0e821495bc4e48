package dev.edgevision.core.detect.decode;

import dev.edgevision.core.model.ModelManifest;
import dev.edgevision.core.model.OutputSpec;
import java.util.List;

/** Finds a manifest's outputs by name and checks their shapes, with errors naming the output. */
final class OutputShapes {
    private final ModelManifest manifest;
    private final String source;
    private final String type;

    OutputShapes(ModelManifest manifest, String source, String type) {
        this.manifest = manifest;
        this.source = source;
        this.type = type;
    }

    /**
     * The sample dimensions (batch left out) of output {@code name}, which must have
     * {@code rank} dimensions with batch first and fixed positive sizes otherwise.
     *
     * @param expected how the decoder type lays the output out, for the message
     */
    int[] sampleDims(String name, int rank, String expected) throws DecoderException {
        OutputSpec spec = manifest.outputs().stream().filter(o -> name.equals(o.name())).findFirst()
                .orElseThrow(() -> new DecoderException(source, "decoder '" + type + "' reads output '" + name
                        + "' but the manifest's outputs are " + manifest.outputs().stream().map(OutputSpec::name).toList()));
        List<Integer> shape = spec.shape();
        if (shape == null || shape.size() != rank) {
            throw mismatch(name, expected);
        }
        int[] dims = new int[rank - 1];
        for (int i = 1; i < rank; i++) {
            dims[i - 1] = shape.get(i);
            if (dims[i - 1] <= 0) {
                throw new DecoderException(source, "output '" + name + "' has shape " + shape + " with a dimension"
                        + " that is not fixed; decoder '" + type + "' needs " + expected + " with fixed sizes");
            }
        }
        return dims;
    }

    /** The error for output {@code name}, whose declared shape is not the {@code expected} layout. */
    DecoderException mismatch(String name, String expected) {
        return new DecoderException(source, "output '" + name + "' has shape " + shape(name) + " but decoder '" + type
                + "' expects " + expected + "; declare the decoder the model was exported for, or check the labels");
    }

    List<Integer> shape(String name) {
        return manifest.outputs().stream().filter(o -> name.equals(o.name())).findFirst().map(OutputSpec::shape)
                .orElse(null);
    }
}
