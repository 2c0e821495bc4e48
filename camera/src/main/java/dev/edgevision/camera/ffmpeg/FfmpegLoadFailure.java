package dev.edgevision.camera.ffmpeg;

import dev.edgevision.core.natives.MissingSharedLibraries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Why FFmpeg's natives did not load, in words a user can act on: the shared library the system
 * lacks and the package that provides it (read from the loader's error, else from {@code ldd} on
 * the libraries JavaCPP extracted), or, when nothing is missing, that the build has no natives for
 * this platform.
 */
final class FfmpegLoadFailure {
    private FfmpegLoadFailure() {
    }

    /**
     * Explains {@code error}; {@code cacheDir} is JavaCPP's extraction folder (may be null) and
     * {@code platform} the platform JavaCPP looked for (e.g. linux-x86_64).
     */
    static String explain(Throwable error, Path cacheDir, String platform) {
        List<String> missing = MissingSharedLibraries.fromError(error);
        if (missing.isEmpty()) {
            missing = MissingSharedLibraries.fromLdd(extractedFolder(cacheDir, platform));
        }
        if (!missing.isEmpty()) {
            return "FFmpeg's native libraries did not load: " + MissingSharedLibraries.describe(missing);
        }
        return "FFmpeg's native libraries for " + platform + " did not load (" + error + "). The build bundles"
                + " them for one platform: build for this one (./mvnw package on x86-64, ./mvnw -Djetson package"
                + " for a Jetson)";
    }

    /** The folder holding the extracted FFmpeg libraries for {@code platform}, or null. */
    static Path extractedFolder(Path cacheDir, String platform) {
        if (cacheDir == null || !Files.isDirectory(cacheDir)) {
            return null;
        }
        Path tail = Path.of("org", "bytedeco", "ffmpeg", platform);
        try (Stream<Path> jars = Files.list(cacheDir)) {
            return jars.map(jar -> jar.resolve(tail)).filter(Files::isDirectory).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
