package dev.edgevision.camera.ffmpeg;

import static org.bytedeco.ffmpeg.global.avdevice.avdevice_register_all;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avdevice;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.javacpp.Loader;

/**
 * Loads FFmpeg's native libraries once, when the first FFmpeg source opens, and says plainly when
 * they do not load: which shared library the system lacks and the package that provides it. FFmpeg's own log is kept to errors.
 */
public final class FfmpegRuntime {
    private static Throwable problem;
    private static boolean loaded;

    private FfmpegRuntime() {
    }

    /** Whether FFmpeg's native libraries load on this machine. */
    public static synchronized boolean available() {
        if (!loaded && problem == null) {
            try {
                Loader.load(avformat.class);
                Loader.load(avcodec.class);
                Loader.load(swscale.class);
                Loader.load(avdevice.class);
                av_log_set_level(AV_LOG_ERROR);
                avdevice_register_all();
                loaded = true;
            } catch (Throwable e) {
                problem = e;
            }
        }
        return loaded;
    }

    private static Path cacheDir() {
        try {
            return Loader.getCacheDir().toPath();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Throws an error naming {@code uri} unless FFmpeg is usable. */
    static void require(String uri) {
        if (!available()) {
            throw new IllegalStateException("camera URI '" + uri + "' needs FFmpeg. " + FfmpegLoadFailure.explain(
                    problem, cacheDir(), Loader.getPlatform()), problem);
        }
    }
}
