package dev.edgevision.tensorrt;

/**
 * Decoding and checking the version numbers CUDA and TensorRT report. TensorRT 10 encodes
 * {@code major * 10000 + minor * 100 + patch} (10.3.0 is 100300); CUDA {@code major * 1000 + minor * 10}
 * (12.6 is 12060). This build runs with TensorRT 10.3 (JetPack 6) and newer 10.x releases.
 */
public final class TrtVersions {
    /** Oldest TensorRT this build uses (JetPack 6). */
    static final int OLDEST = 100300;

    private TrtVersions() {
    }

    /** {@code 10.3.0} for 100300. */
    public static String tensorrt(int version) {
        return (version / 10000) + "." + (version / 100) % 100 + "." + version % 100;
    }

    /** {@code 12.6} for 12060. */
    public static String cuda(int version) {
        return (version / 1000) + "." + (version % 1000) / 10;
    }

    /** Why the TensorRT library of version {@code runtime} cannot be used, or null when it can. */
    public static String mismatch(int runtime) {
        if (runtime / 10000 != 10) {
            return "version mismatch: TensorRT " + tensorrt(runtime) + " is installed, this build needs TensorRT 10"
                    + " (JetPack 6 or 7)";
        }
        if (runtime < OLDEST) {
            return "version mismatch: TensorRT " + tensorrt(runtime) + " is older than 10.3 (JetPack 6); update the JetPack";
        }
        return null;
    }
}
