package dev.edgevision.camera.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegLoadFailureTest {
    @Test
    void aMissingLibpulseIsNamedWithItsPackageNotAsARebuild(@TempDir Path cache) {
        UnsatisfiedLinkError error = new UnsatisfiedLinkError("no jniavdevice in java.library.path: /usr/java/packages/lib");
        error.initCause(new UnsatisfiedLinkError(cache + "/ffmpeg-8.0.1-1.5.13-linux-x86_64.jar/org/bytedeco/ffmpeg/"
                + "linux-x86_64/libjniavdevice.so: libpulse.so.0: cannot open shared object file: No such file or directory"));
        String message = FfmpegLoadFailure.explain(error, cache, "linux-x86_64");
        assertEquals("FFmpeg's native libraries did not load: libpulse.so.0 is missing (Debian/Ubuntu package"
                + " libpulse0): install it with sudo apt-get install libpulse0", message);
        assertFalse(message.contains("build for"), message);
    }

    @Test
    void withNothingMissingTheMessageSaysTheBuildIsForAnotherPlatform(@TempDir Path cache) {
        String message = FfmpegLoadFailure.explain(new UnsatisfiedLinkError("no jniavutil in java.library.path"),
                cache, "linux-arm64");
        assertTrue(message.contains("for linux-arm64 did not load") && message.contains("./mvnw -Djetson package"), message);
    }

    @Test
    void theExtractedFolderIsFoundUnderTheCache(@TempDir Path cache) throws Exception {
        Path folder = Files.createDirectories(cache.resolve("ffmpeg-8.0.1-1.5.13-linux-x86_64.jar/org/bytedeco/ffmpeg/linux-x86_64"));
        Files.createDirectories(cache.resolve("javacpp-1.5.13-linux-x86_64.jar/org/bytedeco/javacpp/linux-x86_64"));
        assertEquals(folder, FfmpegLoadFailure.extractedFolder(cache, "linux-x86_64"));
        assertEquals(null, FfmpegLoadFailure.extractedFolder(cache, "linux-arm64"));
    }

    @Test
    void theRealExtractedLibrariesLackNothingOnThisMachine() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(FfmpegRuntime.available(), "FFmpeg's natives do not load here");
        Path folder = FfmpegLoadFailure.extractedFolder(org.bytedeco.javacpp.Loader.getCacheDir().toPath(),
                org.bytedeco.javacpp.Loader.getPlatform());
        assertTrue(folder != null && Files.isDirectory(folder), "no extracted FFmpeg folder in the cache");
        assertEquals(java.util.List.of(), dev.edgevision.core.natives.MissingSharedLibraries.fromLdd(folder));
    }
}
