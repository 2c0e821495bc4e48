package dev.edgevision.trainer.detector.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.edgevision.core.io.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * A run's checkpoints in {@code DIR/checkpoint/}: {@code last.zip} (network with its optimiser
 * state, to resume), {@code best.zip} (weights of the best validation epoch) and {@code state.json}
 * (history, anchors, settings). Every file is replaced atomically and {@code state.json} last, so a
 * run killed at any moment leaves a consistent checkpoint of its last finished epoch.
 */
public final class CheckpointStore {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;

    public CheckpointStore(Path runDir) {
        this.dir = runDir.resolve("checkpoint");
    }

    /** Whether a checkpoint exists to resume from. */
    public boolean exists() {
        return Files.isRegularFile(dir.resolve("state.json")) && Files.isRegularFile(dir.resolve("last.zip"));
    }

    /** Saves the network after an epoch; {@code best} also replaces the best weights. */
    public void save(MultiLayerNetwork net, TrainingState state, boolean best) throws IOException {
        AtomicFile.write(dir.resolve("last.zip"), temp -> ModelSerializer.writeModel(net, temp.toFile(), true));
        if (best) {
            AtomicFile.write(dir.resolve("best.zip"), temp -> ModelSerializer.writeModel(net, temp.toFile(), false));
        }
        AtomicFile.write(dir.resolve("state.json"), JSON.writeValueAsBytes(state));
    }

    /** The saved state. */
    public TrainingState state() throws IOException {
        Path file = dir.resolve("state.json");
        try {
            return JSON.readValue(file.toFile(), TrainingState.class);
        } catch (IOException e) {
            throw new IOException(file + ": not a readable checkpoint state (" + e.getMessage().lines().findFirst()
                    .orElse("") + "); delete the checkpoint folder to start afresh", e);
        }
    }

    /** The network of the last finished epoch, with its optimiser state. */
    public MultiLayerNetwork last() throws IOException {
        return restore(dir.resolve("last.zip"));
    }

    /** The network of the best validation epoch. */
    public MultiLayerNetwork best() throws IOException {
        return restore(dir.resolve("best.zip"));
    }

    private static MultiLayerNetwork restore(Path file) throws IOException {
        try {
            return ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true);
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + ": not a readable DL4J checkpoint (" + e.getMessage()
                    + "); delete the checkpoint folder to start afresh", e);
        }
    }
}
