package dev.edgevision.opencv;

import dev.edgevision.core.natives.MissingSharedLibraries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;

/**
 * Loads OpenCV's natives once and says why, when they do not: the shared library the system lacks
 * and its package (from the loader's error, else {@code ldd} on the extracted libraries), or that
 * the build has no natives for this platform.
 */
public final class OpenCvRuntime {
    private static Throwable problem;
    private static boolean loaded;
    private static Throwable codecsProblem;
    private static boolean codecsLoaded;

    private OpenCvRuntime() {
    }

    /**
     * Whether OpenCV's core and imgproc natives load on this machine. The system property
     * {@code edgevision.opencv.threads} sets OpenCV's own thread count (its default: one per CPU).
     */
    public static synchronized boolean available() {
        if (!loaded && problem == null) {
            try {
                Loader.load(opencv_core.class);
                Loader.load(opencv_imgproc.class);
                String threads = System.getProperty("edgevision.opencv.threads");
                if (threads != null) {
                    opencv_core.setNumThreads(Integer.parseInt(threads.trim()));
                }
                loaded = true;
            } catch (Throwable e) {
                problem = e;
            }
        }
        return loaded;
    }

    /** Whether OpenCV's image codecs (imgcodecs: JPEG, PNG, BMP) load too, after {@link #available()}. */
    public static synchronized boolean codecsAvailable() {
        if (!available()) {
            return false;
        }
        if (!codecsLoaded && codecsProblem == null) {
            try {
                Loader.load(opencv_imgcodecs.class);
                codecsLoaded = true;
            } catch (Throwable e) {
                codecsProblem = e;
            }
        }
        return codecsLoaded;
    }

    /** Why OpenCV's image codecs did not load; empty when they did. */
    public static synchronized String codecsProblem() {
        if (codecsAvailable()) {
            return "";
        }
        return codecsProblem == null ? problem() : explain(codecsProblem, cacheDir(), Loader.getPlatform());
    }

    /** OpenCV's version, e.g. {@code 4.13.0}, once {@link #available()}. */
    public static String version() {
        return opencv_core.CV_VERSION();
    }

    /** Why OpenCV did not load, in words a user can act on; empty when it did. */
    public static synchronized String problem() {
        if (available()) {
            return "";
        }
        return explain(problem, cacheDir(), Loader.getPlatform());
    }

    /** Explains {@code error}; {@code cacheDir} is JavaCPP's extraction folder (may be null). */
    static String explain(Throwable error, Path cacheDir, String platform) {
        List<String> missing = MissingSharedLibraries.fromError(error);
        if (missing.isEmpty()) {
            // OpenBLAS and OpenCV's own libraries come in the presets' jars (JavaCPP loads them first).
            missing = MissingSharedLibraries.fromLdd(extractedFolder(cacheDir, platform)).stream()
                    .filter(name -> !name.startsWith("libopenblas") && !name.startsWith("libopencv_")).toList();
        }
        if (!missing.isEmpty()) {
            return "OpenCV's native libraries did not load: " + MissingSharedLibraries.describe(missing);
        }
        return "OpenCV's native libraries for " + platform + " did not load (" + error + "); the build bundles them"
                + " for one platform: ./mvnw package on x86-64, ./mvnw -Djetson package for a Jetson";
    }

    private static Path extractedFolder(Path cacheDir, String platform) {
        if (cacheDir == null || !Files.isDirectory(cacheDir)) {
            return null;
        }
        Path tail = Path.of("org", "bytedeco", "opencv", platform);
        try (Stream<Path> jars = Files.list(cacheDir)) {
            return jars.map(jar -> jar.resolve(tail)).filter(Files::isDirectory).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static Path cacheDir() {
        try {
            return Loader.getCacheDir().toPath();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
