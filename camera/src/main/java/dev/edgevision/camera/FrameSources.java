package dev.edgevision.camera;

import dev.edgevision.camera.capture.CaptureSettings;
import dev.edgevision.camera.capture.SourceUri;
import dev.edgevision.camera.ffmpeg.FfmpegSources;
import dev.edgevision.camera.gst.GstSources;
import dev.edgevision.camera.image.ImageSources;
import dev.edgevision.camera.synthetic.SyntheticSource;
import dev.edgevision.core.frame.FrameSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Opens frame sources by URI, as jetson-utils' videoSource does:
 * <table>
 * <caption>Supported URIs</caption>
 * <tr><td>{@code synthetic://digits?fps=15&width=640&height=480&seed=1&digits=1..6&blank=0.1}</td>
 * <td>handwritten digits on paper with ground truth ({@link SyntheticSource})</td></tr>
 * <tr><td>{@code file:///path/image.jpg}, {@code file:///path/folder}</td>
 * <td>still images ({@link ImageSources}: {@code fps}, {@code loop})</td></tr>
 * <tr><td>{@code file:///path/video.mp4}</td>
 * <td>any video FFmpeg reads ({@link FfmpegSources}: {@code fps=0|native|N}, {@code loop})</td></tr>
 * <tr><td>{@code v4l2:///dev/video0}</td><td>USB camera ({@code width}, {@code height}, {@code fps}, {@code format})</td></tr>
 * <tr><td>{@code csi://0}</td><td>Jetson CSI camera ({@link GstSources}: {@code width}, {@code height}, {@code fps}, {@code flip})</td></tr>
 * <tr><td>{@code gst://PIPELINE ! appsink}</td><td>any GStreamer pipeline</td></tr>
 * <tr><td>{@code rtsp://host/path}</td><td>network camera ({@code transport=tcp|udp})</td></tr>
 * </table>
 *
 * <p>Every source captures on its own thread and hands out only its newest frame (files and
 * generators with {@code fps=0} deliver every frame instead, as fast as they are consumed). A URI that
 * cannot be understood is an {@link IllegalArgumentException} naming it and what to write; a backend
 * missing from this machine (GStreamer, FFmpeg natives, nvarguscamerasrc) is an
 * {@link IllegalStateException} naming what to install. Anything found out later (a missing file, an
 * unplugged camera, a server that is down) shows in {@link FrameSource#status()}; cameras and streams
 * are reopened with back-off.
 */
public final class FrameSources {
    /** The URI schemes {@link #open} understands. */
    public static final List<String> SCHEMES = List.of("synthetic", "file", "v4l2", "csi", "gst", "rtsp", "rtsps");

    private FrameSources() {
    }

    /** Opens {@code uri} with the default {@link CaptureSettings}. */
    public static FrameSource open(String uri) {
        return open(uri, CaptureSettings.defaults());
    }

    /** Opens {@code uri}; a {@code synthetic://} URI gives a {@link SyntheticSource}. */
    public static FrameSource open(String uri, CaptureSettings settings) {
        SourceUri parsed = SourceUri.parse(uri);
        return switch (parsed.scheme()) {
            case "synthetic" -> SyntheticSource.open(parsed, settings);
            case "file" -> openFile(parsed, settings);
            case "v4l2" -> FfmpegSources.v4l2(parsed, settings);
            case "rtsp", "rtsps" -> FfmpegSources.rtsp(parsed, settings);
            case "csi" -> GstSources.csi(parsed, settings);
            case "gst" -> GstSources.pipeline(parsed, settings);
            default -> throw new IllegalArgumentException("camera URI '" + parsed + "': unknown scheme '" + parsed.scheme()
                    + "://'; supported: " + String.join(", ", SCHEMES.stream().map(s -> s + "://").toList())
                    + " (e.g. synthetic://digits, file:///videos/a.mp4, v4l2:///dev/video0, csi://0, rtsp://host/stream)");
        };
    }

    private static FrameSource openFile(SourceUri uri, CaptureSettings settings) {
        if (!uri.target().startsWith("/")) {
            throw uri.problem("a file URI needs an absolute path: file:///home/me/video.mp4 (three slashes)");
        }
        Path path = Path.of(uri.target());
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        if (Files.isDirectory(path) || ImageSources.isImage(name) || (!Files.exists(path) && !name.contains("."))) {
            return ImageSources.open(uri, path, settings);
        }
        return FfmpegSources.videoFile(uri, path, settings);
    }
}
