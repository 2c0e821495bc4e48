package dev.edgevision.tensorrt.build;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How engines are built and run on this device, from the configuration's {@code tensorrt:} slice.
 * The defaults fit a 4 GB Nano-class board: a 256 MiB builder workspace, no DLA, 30 minutes for a
 * build (a Nano takes several).
 *
 * @param precision the precision asked for ({@code auto}: FP16 where the GPU has fast FP16, else FP32)
 * @param workspaceBytes the builder's workspace memory pool limit
 * @param dlaCore the DLA core to build for, or -1 for the GPU alone
 * @param buildTimeout how long a build may take before the CPU backend is kept and the build abandoned
 * @param trtexec the {@code trtexec} the JetPack installs, tried when the in-process builder fails
 * @param hostMemory how inference buffers are shared with the GPU
 * @param cacheDir where engines, timing caches and calibration caches are kept
 * @param maxBatch the most samples one inference takes
 */
public record BuildSettings(PrecisionChoice precision, long workspaceBytes, int dlaCore, Duration buildTimeout,
        Path trtexec, HostMemory hostMemory, Path cacheDir, int maxBatch) {
    /** Builder workspace by default, in MiB. */
    public static final int DEFAULT_WORKSPACE_MB = 256;
    /** Build time limit by default. */
    public static final Duration DEFAULT_BUILD_TIMEOUT = Duration.ofMinutes(30);
    /** Where every JetPack installs trtexec. */
    public static final Path DEFAULT_TRTEXEC = Path.of("/usr/src/tensorrt/bin/trtexec");

    public BuildSettings {
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(buildTimeout, "buildTimeout");
        Objects.requireNonNull(trtexec, "trtexec");
        Objects.requireNonNull(hostMemory, "hostMemory");
        Objects.requireNonNull(cacheDir, "cacheDir");
        if (workspaceBytes < (16L << 20)) {
            throw new IllegalArgumentException("workspace must be at least 16 MiB, got " + (workspaceBytes >> 20) + " MiB");
        }
        if (dlaCore < -1) {
            throw new IllegalArgumentException("DLA core must be -1 (none) or a core number, got " + dlaCore);
        }
        if (buildTimeout.isNegative() || buildTimeout.isZero()) {
            throw new IllegalArgumentException("build timeout must be positive, got " + buildTimeout);
        }
        if (maxBatch < 1) {
            throw new IllegalArgumentException("max batch must be at least 1, got " + maxBatch);
        }
    }

    /** The defaults, keeping engines in {@code cacheDir}, for runs of up to {@code maxBatch} samples. */
    public static BuildSettings defaults(Path cacheDir, int maxBatch) {
        return new BuildSettings(PrecisionChoice.AUTO, (long) DEFAULT_WORKSPACE_MB << 20, -1, DEFAULT_BUILD_TIMEOUT,
                DEFAULT_TRTEXEC, HostMemory.AUTO, cacheDir, maxBatch);
    }

    /** The same settings asking for {@code newPrecision}. */
    public BuildSettings withPrecision(PrecisionChoice newPrecision) {
        return new BuildSettings(newPrecision, workspaceBytes, dlaCore, buildTimeout, trtexec, hostMemory, cacheDir,
                maxBatch);
    }
}
