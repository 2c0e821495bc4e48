package dev.edgevision.tensorrt.build;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The trtexec command line that builds the same engine as the in-process builder from the same
 * {@link EngineRecipe}: shapes, precision flags, workspace limit, DLA core with GPU fallback,
 * timing cache, and for INT8 the calibration cache the in-process calibrator wrote. Options are
 * those of TensorRT 10's trtexec ({@code --memPoolSize}, not the removed {@code --workspace}).
 */
public final class TrtexecCommand {
    private TrtexecCommand() {
    }

    /**
     * The command, one argument per element (no shell involved).
     *
     * @param calibrationCache read by trtexec for INT8; ignored otherwise
     */
    public static List<String> of(Path trtexec, EngineRecipe recipe, Path onnx, Path engine, Path timingCache,
            Path calibrationCache) {
        List<String> args = new ArrayList<>();
        args.add(trtexec.toString());
        args.add("--onnx=" + onnx);
        args.add("--saveEngine=" + engine);
        args.add("--skipInference");
        args.add("--memPoolSize=workspace:" + mebibytes(recipe.workspaceBytes()));
        InputProfile profile = recipe.profile();
        if (profile.dynamic()) {
            String name = tensorName(profile.name());
            args.add("--minShapes=" + name + ":" + profile.shapeText(profile.min()));
            args.add("--optShapes=" + name + ":" + profile.shapeText(profile.opt()));
            args.add("--maxShapes=" + name + ":" + profile.shapeText(profile.max()));
        }
        if (recipe.flags().contains(BuilderFlag.FP16)) {
            args.add("--fp16");
        }
        if (recipe.flags().contains(BuilderFlag.INT8)) {
            args.add("--int8");
            args.add("--calib=" + calibrationCache);
        }
        if (recipe.usesDla()) {
            args.add("--useDLACore=" + recipe.dlaCore());
        }
        if (recipe.flags().contains(BuilderFlag.GPU_FALLBACK)) {
            args.add("--allowGPUFallback");
        }
        args.add("--timingCacheFile=" + timingCache);
        return args;
    }

    /** {@code 256M}, or kibibytes ({@code 1536K}) when the limit is not a whole number of MiB. */
    static String mebibytes(long bytes) {
        return bytes % (1L << 20) == 0 ? (bytes >> 20) + "M" : (bytes >> 10) + "K";
    }

    /** A tensor name as trtexec's shape options take it: quoted when it holds ':' or ','. */
    static String tensorName(String name) {
        return name.contains(":") || name.contains(",") ? "'" + name + "'" : name;
    }
}
