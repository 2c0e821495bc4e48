package dev.edgevision.tensorrt.build;

/**
 * What a recipe is applied to: TensorRT's {@code IBuilderConfig} in the in-process builder, a
 * recording in tests. {@link #apply} is the one place that decides which builder calls a recipe makes.
 */
public interface BuilderTarget {
    /** {@code setMemoryPoolLimit(kWORKSPACE, bytes)}. */
    void workspace(long bytes);

    /** {@code setFlag(flag)}. */
    void flag(BuilderFlag flag);

    /** {@code setDefaultDeviceType(kDLA)} and {@code setDLACore(core)}. */
    void dla(int core);

    /** An optimisation profile of {@code input} with these min, opt and max shapes, added to the configuration. */
    void profile(String input, long[] min, long[] opt, long[] max);

    /** The INT8 entropy calibrator, fed {@code batch} samples at a time, with a calibration profile of that batch when shapes are dynamic. */
    void calibrator(String input, int batch, boolean dynamic);

    /** Makes the builder calls {@code recipe} stands for, in a fixed order. */
    static void apply(EngineRecipe recipe, BuilderTarget target) {
        target.workspace(recipe.workspaceBytes());
        for (BuilderFlag flag : BuilderFlag.values()) {
            if (recipe.flags().contains(flag)) {
                target.flag(flag);
            }
        }
        if (recipe.usesDla()) {
            target.dla(recipe.dlaCore());
        }
        InputProfile shapes = recipe.profile();
        if (shapes.dynamic()) {
            target.profile(shapes.name(), shapes.dims(shapes.min()), shapes.dims(shapes.opt()), shapes.dims(shapes.max()));
        }
        if (recipe.precision() == Precision.INT8) {
            target.calibrator(shapes.name(), recipe.calibrationBatch(), shapes.dynamic());
        }
    }
}
