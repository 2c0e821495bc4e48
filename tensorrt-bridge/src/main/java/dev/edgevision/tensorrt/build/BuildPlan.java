package dev.edgevision.tensorrt.build;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What is actually built on this device, resolved from the settings, what the GPU offers and what
 * the bundle carries, with a note for every request that could not be honoured: FP16 only where
 * the GPU has fast FP16; INT8 only where it has fast INT8 and the bundle carries calibration
 * images (never random data); a DLA core only where it exists, always with GPU fallback, and never
 * at FP32, which DLA does not run.
 *
 * @param precision the precision built
 * @param dlaCore the DLA core used, or -1
 * @param flags the builder flags to set
 * @param notes why the plan differs from the request, one sentence each; empty when it does not
 */
public record BuildPlan(Precision precision, int dlaCore, Set<BuilderFlag> flags, List<String> notes) {
    /** Most samples in one INT8 calibration batch. */
    static final int CALIBRATION_BATCH = 8;

    public BuildPlan {
        flags = Set.copyOf(flags);
        notes = List.copyOf(notes);
    }

    /** Resolves {@code settings} against {@code gpu} for a bundle with {@code calibrationImages} images. */
    public static BuildPlan resolve(BuildSettings settings, Capabilities gpu, int calibrationImages) {
        List<String> notes = new ArrayList<>();
        Precision fallback = gpu.fastFp16() ? Precision.FP16 : Precision.FP32;
        Precision asked = settings.precision().precision();
        Precision precision;
        if (asked == null) {
            precision = fallback;
        } else if (asked == Precision.INT8 && !gpu.fastInt8()) {
            precision = fallback;
            notes.add("int8 was asked for, but this GPU has no fast INT8: building " + fallback.wireName());
        } else if (asked == Precision.INT8 && calibrationImages == 0) {
            precision = fallback;
            notes.add("int8 was asked for, but the bundle carries no calibration images (calibration/*.png) and an"
                    + " engine is never calibrated on made-up data: building " + fallback.wireName());
        } else if (asked == Precision.FP16 && !gpu.fastFp16()) {
            precision = Precision.FP32;
            notes.add("fp16 was asked for, but this GPU has no fast FP16: building fp32");
        } else {
            precision = asked;
        }
        int dla = settings.dlaCore();
        if (dla >= 0 && gpu.dlaCores() == 0) {
            notes.add("DLA core " + dla + " was asked for, but this device has no DLA: building for the GPU");
            dla = -1;
        } else if (dla >= gpu.dlaCores()) {
            notes.add("DLA core " + dla + " was asked for, but this device has " + gpu.dlaCores()
                    + " (0.." + (gpu.dlaCores() - 1) + "): building for the GPU");
            dla = -1;
        }
        if (dla >= 0 && precision == Precision.FP32) {
            notes.add("DLA runs fp16 and int8 only: building fp16 for DLA core " + dla);
            precision = Precision.FP16;
        }
        Set<BuilderFlag> flags = EnumSet.noneOf(BuilderFlag.class);
        if (precision == Precision.FP16 || (precision == Precision.INT8 && gpu.fastFp16())) {
            flags.add(BuilderFlag.FP16);
        }
        if (precision == Precision.INT8) {
            flags.add(BuilderFlag.INT8);
        }
        if (dla >= 0) {
            flags.add(BuilderFlag.GPU_FALLBACK);
        }
        return new BuildPlan(precision, dla, flags, notes);
    }

    /** The recipe for inputs of {@code profile}, with the workspace of {@code settings}. */
    public EngineRecipe recipe(InputProfile profile, BuildSettings settings, int calibrationImages) {
        int calibrationBatch = precision == Precision.INT8 ? Math.max(profile.min(),
                Math.min(Math.min(CALIBRATION_BATCH, calibrationImages), profile.max())) : 0;
        return new EngineRecipe(profile, precision, flags, settings.workspaceBytes(), dlaCore, calibrationBatch);
    }
}
