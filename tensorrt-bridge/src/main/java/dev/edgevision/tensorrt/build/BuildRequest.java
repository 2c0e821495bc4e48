package dev.edgevision.tensorrt.build;

import java.nio.file.Path;

/**
 * One engine to build.
 *
 * @param model the model's name, for messages
 * @param onnx the ONNX graph
 * @param recipe how to build it
 * @param calibration INT8 calibration batches from the bundle's images, or null unless INT8
 * @param timingCache the timing cache file, read if present and written after the build
 * @param calibrationCache the INT8 calibration cache file, read if present and written after calibration
 * @param workDir a folder the builder may write temporary files into
 */
public record BuildRequest(String model, byte[] onnx, EngineRecipe recipe, CalibrationBatches calibration,
        Path timingCache, Path calibrationCache, Path workDir) {
    public BuildRequest {
        if (recipe.precision() == Precision.INT8 && calibration == null) {
            throw new IllegalArgumentException("an INT8 build needs calibration batches");
        }
    }
}
