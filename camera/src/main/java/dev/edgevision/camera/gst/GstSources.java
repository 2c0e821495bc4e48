package dev.edgevision.camera.gst;

import dev.edgevision.camera.capture.CaptureSettings;
import dev.edgevision.camera.capture.Delivery;
import dev.edgevision.camera.capture.LiveSource;
import dev.edgevision.camera.capture.SourceUri;
import dev.edgevision.core.frame.FrameSource;
import java.util.Set;

/**
 * Frame sources built on the system's GStreamer:
 * <ul>
 * <li>{@code gst://PIPELINE}: any gst-launch pipeline with exactly one appsink, e.g.
 * {@code gst://videotestsrc ! videoconvert ! appsink}. The text after {@code gst://} is the pipeline,
 * verbatim. If the appsink states no caps, it is asked for BGR, RGB, GRAY8 or BGRx. End of stream
 * ends the source.
 * <li>{@code csi://N}: CSI camera N of a Jetson through {@code nvarguscamerasrc}, with {@code width}
 * (1280), {@code height} (720), {@code fps} (30) and {@code flip} (0..7, nvvidconv's flip-method).
 * Frames arrive as BGRx from the hardware converter and are delivered as BGR24.
 * </ul>
 * Both keep only the newest frame; a pipeline error or stall rebuilds the pipeline with back-off.
 */
public final class GstSources {
    /** Every parameter a {@code csi://} URI accepts. */
    public static final Set<String> CSI_PARAMETERS = Set.of("width", "height", "fps", "flip");

    private GstSources() {
    }

    public static FrameSource pipeline(SourceUri uri, CaptureSettings settings) {
        if (uri.target().isBlank()) {
            throw uri.problem("give a pipeline ending in an appsink, e.g. gst://videotestsrc ! videoconvert ! appsink");
        }
        GstRuntime.require(uri.toString());
        return LiveSource.start(uri.toString(), new GstDevice(uri.target(), false, settings), Delivery.LATEST, false,
                settings.backoff());
    }

    public static FrameSource csi(SourceUri uri, CaptureSettings settings) {
        String pipeline = csiPipeline(uri);
        GstRuntime.require(uri.toString());
        if (!GstRuntime.hasElement("nvarguscamerasrc")) {
            throw new IllegalStateException("camera URI '" + uri + "' needs NVIDIA's nvarguscamerasrc GStreamer element,"
                    + " which is not installed here: it comes with JetPack on a Jetson (package nvidia-l4t-gstreamer)."
                    + " For a USB camera use v4l2:///dev/video0");
        }
        return LiveSource.start(uri.toString(), new GstDevice(pipeline, true, settings), Delivery.LATEST, false,
                settings.backoff());
    }

    /** The pipeline a {@code csi://N?...} URI stands for. */
    public static String csiPipeline(SourceUri uri) {
        uri.allowOnly(CSI_PARAMETERS);
        if (!uri.target().matches("\\d{1,2}")) {
            throw uri.problem("name the sensor by number, e.g. csi://0");
        }
        int width = uri.integer("width", 1280, 16, 8192);
        int height = uri.integer("height", 720, 16, 8192);
        int fps = uri.integer("fps", 30, 1, 240);
        int flip = uri.integer("flip", 0, 0, 7);
        return "nvarguscamerasrc sensor-id=" + uri.target()
                + " ! video/x-raw(memory:NVMM),width=" + width + ",height=" + height + ",framerate=" + fps + "/1"
                + " ! nvvidconv flip-method=" + flip
                + " ! video/x-raw,format=BGRx"
                + " ! appsink name=edgevision sync=false";
    }
}
