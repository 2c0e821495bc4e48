package dev.edgevision.camera.image;

import dev.edgevision.camera.capture.CaptureSettings;
import dev.edgevision.camera.capture.Delivery;
import dev.edgevision.camera.capture.LiveSource;
import dev.edgevision.camera.capture.Pacer;
import dev.edgevision.camera.capture.SourceUri;
import dev.edgevision.core.frame.FrameSource;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Still images as a frame source: {@code file:///path/image.jpg} (one frame, then end of stream) or
 * {@code file:///path/folder} (its .jpg, .jpeg, .png and .bmp files in order of name).
 * Frames are BGR24, decoded by the process's {@link #decoding()}. GIFs go to FFmpeg, which plays their animation. Parameters:
 * <ul>
 * <li>{@code fps=0}: deliver at this rate in real time, dropping frames for a slow consumer;
 * {@code 0} delivers each image when the previous one was taken, none dropped.
 * <li>{@code loop=false}: start again from the first image after the last.
 * <li>{@code max_pixels=40000000}: images whose header declares more pixels are refused, naming the
 * file and its size, before they are decoded (the default suits a 4 GB board).
 * </ul>
 */
public final class ImageSources {
    /** Every parameter an image or image folder URI accepts. */
    public static final Set<String> PARAMETERS = Set.of("fps", "loop", "max_pixels");
    static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp");
    static final String EXTENSIONS_TEXT = ".jpg, .jpeg, .png, .bmp";

    private ImageSources() {
    }

    /** Whether a file name has one of the image extensions this source reads. */
    public static boolean isImage(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * The name of the still-image decoding this process uses ({@code opencv} when opencv-pixels is on
     * the class path and its natives load, else {@code imageio}), chosen and logged on first use.
     */
    public static String decoding() {
        return ImageDecodings.selected().name();
    }

    /** Opens {@code path}, a single image or a folder of images, named by {@code uri}. */
    public static FrameSource open(SourceUri uri, Path path, CaptureSettings settings) {
        uri.allowOnly(PARAMETERS);
        double fps = uri.number("fps", 0, 0, 1000);
        boolean loop = uri.flag("loop", false);
        long maxPixels = (long) uri.number("max_pixels", ImageDecoder.DEFAULT_MAX_PIXELS, 1, 1e12);
        return LiveSource.start(uri.toString(), new ImageFilesDevice(path, Pacer.fps(fps), maxPixels),
                fps > 0 ? Delivery.LATEST : Delivery.EVERY, loop, settings.backoff());
    }
}
