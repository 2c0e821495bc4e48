package dev.edgevision.camera.ffmpeg;

import dev.edgevision.camera.capture.CaptureSettings;
import dev.edgevision.camera.capture.Delivery;
import dev.edgevision.camera.capture.LiveSource;
import dev.edgevision.camera.capture.SourceUri;
import dev.edgevision.core.frame.FrameSource;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Frame sources decoded by FFmpeg, all delivering BGR24:
 * <ul>
 * <li>Video files, {@code file:///path/video.mp4} (any container and codec FFmpeg reads).
 * {@code fps=0} (default) delivers every frame as fast as it is consumed; {@code fps=native} plays in
 * real time by the file's timestamps and {@code fps=N} at N frames per second, both dropping frames
 * for a slow consumer like a camera; {@code loop=true} starts again at the end.
 * <li>USB cameras, {@code v4l2:///dev/video0} (or {@code v4l2://0}), with optional {@code width} and
 * {@code height} (together), {@code fps}, and {@code format} = {@code mjpeg}, {@code yuyv},
 * {@code h264}, {@code nv12} or {@code gray}; the camera's defaults otherwise.
 * <li>Network streams, {@code rtsp://[user:password@]host[:port]/path} (or {@code rtsps://}), with
 * {@code transport=tcp} (default, robust) or {@code udp} (less delay, may lose packets). Other query
 * parameters are passed to the server. FFmpeg buffers nothing beyond what decoding needs.
 * </ul>
 * Cameras and streams that fail or stall are reopened with back-off; files that cannot be read fail.
 */
public final class FfmpegSources {
    /** Every parameter a video file URI accepts. */
    public static final Set<String> VIDEO_FILE_PARAMETERS = Set.of("fps", "loop");
    /** Every parameter a {@code v4l2://} URI accepts. */
    public static final Set<String> V4L2_PARAMETERS = Set.of("width", "height", "fps", "format");
    /** The parameters of an {@code rtsp://} URI that this source takes for itself; others go to the server. */
    public static final Set<String> RTSP_PARAMETERS = Set.of("transport");
    private static final Map<String, String> V4L2_FORMATS =
            Map.of("mjpeg", "mjpeg", "yuyv", "yuyv422", "h264", "h264", "nv12", "nv12", "gray", "gray");

    private FfmpegSources() {
    }

    public static FrameSource videoFile(SourceUri uri, Path file, CaptureSettings settings) {
        uri.allowOnly(VIDEO_FILE_PARAMETERS);
        boolean mediaTime = uri.string("fps", "0").strip().equalsIgnoreCase("native");
        double fps = mediaTime ? 0 : uri.number("fps", 0, 0, 1000);
        boolean loop = uri.flag("loop", false);
        FfmpegInput.Pace pace = mediaTime ? FfmpegInput.Pace.MEDIA_TIME
                : fps > 0 ? FfmpegInput.Pace.FIXED_RATE : FfmpegInput.Pace.UNPACED;
        FfmpegRuntime.require(uri.toString());
        FfmpegInput input = new FfmpegInput("file:" + file, file.toString(), null, Map.of(), FfmpegInput.Kind.FILE, pace, fps);
        Delivery delivery = pace == FfmpegInput.Pace.UNPACED ? Delivery.EVERY : Delivery.LATEST;
        return LiveSource.start(uri.toString(), new FfmpegDevice(input, settings), delivery, loop, settings.backoff());
    }

    public static FrameSource v4l2(SourceUri uri, CaptureSettings settings) {
        uri.allowOnly(V4L2_PARAMETERS);
        String device = uri.target().matches("\\d+") ? "/dev/video" + uri.target() : uri.target();
        if (!device.startsWith("/dev/")) {
            throw uri.problem("name a video device, e.g. v4l2:///dev/video0 (or v4l2://0)");
        }
        Map<String, String> options = new LinkedHashMap<>();
        int width = uri.integer("width", 0, 1, 16384);
        int height = uri.integer("height", 0, 1, 16384);
        if ((width > 0) != (height > 0)) {
            throw uri.problem("give width and height together, e.g. width=1280&height=720");
        }
        if (width > 0) {
            options.put("video_size", width + "x" + height);
        }
        if (uri.has("fps")) {
            options.put("framerate", String.valueOf(uri.number("fps", 30, 1, 1000)));
        }
        if (uri.has("format")) {
            options.put("input_format", V4L2_FORMATS.get(uri.choice("format", "mjpeg", V4L2_FORMATS.keySet())));
        }
        FfmpegRuntime.require(uri.toString());
        FfmpegInput input = new FfmpegInput(device, device, "video4linux2", options, FfmpegInput.Kind.CAMERA,
                FfmpegInput.Pace.UNPACED, 0);
        return LiveSource.start(uri.toString(), new FfmpegDevice(input, settings), Delivery.LATEST, false,
                settings.backoff());
    }

    public static FrameSource rtsp(SourceUri uri, CaptureSettings settings) {
        String transport = uri.choice("transport", "tcp", Set.of("tcp", "udp"));
        if (uri.target().isBlank()) {
            throw uri.problem("name a host, e.g. rtsp://192.168.1.20:554/stream1");
        }
        Map<String, String> options = new LinkedHashMap<>();
        options.put("rtsp_transport", transport);
        options.put("timeout", String.valueOf(settings.stallTimeout().toNanos() / 1000));
        options.put("fflags", "nobuffer");
        options.put("flags", "low_delay");
        options.put("analyzeduration", "1000000");
        if (transport.equals("udp")) {
            options.put("max_delay", "100000");
            options.put("buffer_size", "2097152");
        }
        FfmpegRuntime.require(uri.toString());
        String url = uri.scheme() + uri.textWithout(RTSP_PARAMETERS).substring(uri.scheme().length());
        FfmpegInput input = new FfmpegInput(url, SourceUri.redact(url),
                null, options, FfmpegInput.Kind.STREAM, FfmpegInput.Pace.UNPACED, 0);
        return LiveSource.start(uri.toString(), new FfmpegDevice(input, settings), Delivery.LATEST, false,
                settings.backoff());
    }
}
