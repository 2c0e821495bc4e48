package dev.edgevision.tensorrt.build;

import java.util.Set;

/**
 * Everything an engine is built from besides the ONNX graph, resolved for this device: the
 * in-process builder applies it to an {@code IBuilderConfig}, {@link TrtexecCommand} turns it into
 * trtexec options, so both build the same engine.
 *
 * @param profile the input shapes
 * @param precision the precision the engine is built at
 * @param flags the builder flags to set
 * @param workspaceBytes the workspace memory pool limit
 * @param dlaCore the DLA core to build for, or -1 for the GPU
 * @param calibrationBatch samples per INT8 calibration batch (0 unless INT8)
 */
public record EngineRecipe(InputProfile profile, Precision precision, Set<BuilderFlag> flags, long workspaceBytes,
        int dlaCore, int calibrationBatch) {
    public EngineRecipe {
        flags = Set.copyOf(flags);
        if (precision == Precision.INT8 && calibrationBatch < 1) {
            throw new IllegalArgumentException("an INT8 recipe needs a calibration batch size");
        }
    }

    /** Whether layers run on a DLA core. */
    public boolean usesDla() {
        return dlaCore >= 0;
    }
}
