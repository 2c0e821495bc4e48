package dev.edgevision.core.detect.decode;

import dev.edgevision.core.inference.ModelRunner;

/**
 * Reads a detector's output tensors after a run and turns them into candidate boxes in
 * model-input pixels, one best class per box. Made by {@link Decoders#create} from the manifest,
 * which has already checked the output shapes against the decoder type; decoding itself then
 * only reads arrays and allocates nothing.
 */
public interface DetectionDecoder {
    /** The manifest's {@code decoder.type}. */
    String type();

    /** Thresholds and the detection limit the manifest declares. */
    DecoderSettings settings();

    /** Most candidates one {@link #decode} can add: the size {@link Candidates} needs. */
    int maxCandidates();

    /**
     * Adds the candidates of sample 0 of the last run of {@code runner} that score at least
     * {@code minScore}.
     */
    void decode(ModelRunner runner, double minScore, Candidates into);
}
