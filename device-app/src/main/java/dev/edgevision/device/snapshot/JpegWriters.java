package dev.edgevision.device.snapshot;

import dev.edgevision.opencv.OpenCvRuntime;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the JPEG encoder for snapshots and the preview once per process, by capability:
 * OpenCV's {@code imencode} when its image codecs load, else the JDK's writer; the choice and its
 * reason are logged. The system property {@code edgevision.encode} (or {@code EDGEVISION_ENCODE})
 * can ask for {@code auto} (the default), {@code opencv} or {@code imageio}.
 */
final class JpegWriters {
    private static final Logger LOG = LoggerFactory.getLogger(JpegWriters.class);
    private static String selected;

    private JpegWriters() {
    }

    /** A writer at {@code quality} (0.1 to 1.0) of the kind this process chose. */
    static JpegWriter open(double quality) {
        return open(selected(), quality);
    }

    /** A writer of the named kind, {@code opencv} or {@code imageio}. */
    static JpegWriter open(String kind, double quality) {
        return "opencv".equals(kind) ? new OpenCvJpegWriter(quality) : new ImageIoJpegWriter(quality);
    }

    /** The kind this process uses, chosen (and logged) on first use. */
    static synchronized String selected() {
        if (selected == null) {
            String asked = System.getProperty("edgevision.encode", System.getenv("EDGEVISION_ENCODE"));
            selected = choose(asked == null ? "auto" : asked);
        }
        return selected;
    }

    /**
     * @throws IllegalArgumentException when {@code asked} is not auto, opencv or imageio, or opencv
     *     was asked for and does not load (naming why)
     */
    static String choose(String asked) {
        switch (asked.trim().toLowerCase(Locale.ROOT)) {
            case "imageio":
                LOG.info("JPEG encoding imageio: asked for (edgevision.encode=imageio)");
                return "imageio";
            case "opencv":
                if (!OpenCvRuntime.codecsAvailable()) {
                    throw new IllegalArgumentException("JPEG encoding 'opencv' was asked for but cannot run here: "
                            + OpenCvRuntime.codecsProblem());
                }
                LOG.info("JPEG encoding opencv: asked for; OpenCV {} image codecs loaded", OpenCvRuntime.version());
                return "opencv";
            case "auto":
                if (OpenCvRuntime.codecsAvailable()) {
                    LOG.info("JPEG encoding opencv: OpenCV {} image codecs loaded", OpenCvRuntime.version());
                    return "opencv";
                }
                LOG.info("JPEG encoding imageio: fallback: {}", OpenCvRuntime.codecsProblem());
                return "imageio";
            default:
                throw new IllegalArgumentException("JPEG encoding must be auto, opencv or imageio, got '" + asked + "'");
        }
    }
}
