package dev.edgevision.camera.ffmpeg;

import static org.bytedeco.ffmpeg.global.avdevice.avdevice_register_all;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avdevice;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.javacpp.Loader;

/**
 * Loads FFmpeg's native libraries once, when the first FFmpeg source opens, and says plainly when
 * they are missing for this platform. FFmpeg's own log is kept to errors.
 */
public final class FfmpegRuntime {
    private static String problem;
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
                problem = e.toString();
            }
        }
        return loaded;
    }

    /** Throws an error naming {@code uri} unless FFmpeg is usable. */
    static void require(String uri) {
        if (!available()) {
            throw new IllegalStateException("camera URI '" + uri + "' needs FFmpeg, but its native libraries for "
                    + Loader.getPlatform() + " did not load (" + problem + "). The build bundles them for one platform:"
                    + " build for this one (./mvnw package on x86-64, ./mvnw -Djetson package for a Jetson)");
        }
    }
}
