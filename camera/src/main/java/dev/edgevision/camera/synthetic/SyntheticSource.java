package dev.edgevision.camera.synthetic;

import dev.edgevision.camera.capture.CaptureSettings;
import dev.edgevision.camera.capture.Delivery;
import dev.edgevision.camera.capture.LiveSource;
import dev.edgevision.camera.capture.Pacer;
import dev.edgevision.camera.capture.SourceUri;
import dev.edgevision.core.frame.CaptureStatus;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.FrameSource;
import dev.edgevision.core.frame.SourceStatus;
import dev.edgevision.core.idx.DatasetException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A camera that films a {@link SyntheticScene}: {@code synthetic://digits?...}. Frame {@code n} shows
 * scene {@code n}, so {@link #truth(long)} of a frame's sequence number says exactly what is in it.
 *
 * <p>Parameters, besides the scene's (see {@link SceneSettings}):
 * <ul>
 * <li>{@code fps=15}: frames per second, in real time, dropping frames for a slow consumer like a
 * camera; {@code fps=0} renders each frame when the previous one was taken, for benchmarks.
 * <li>{@code frames=0}: end after this many frames ({@code 0}: never).
 * <li>{@code stall_after=0}: after this many frames the camera wedges: its capture thread blocks
 * without delivering or ending, like a driver that stops answering ({@code 0}: never). For testing
 * what watches the cameras (systemd's watchdog).
 * <li>{@code data=PATH}: folder of MNIST IDX files whose test split supplies the glyphs; default
 * {@code $edgevision.home/datasets/mnist-9k} (system property {@code edgevision.home}, else the
 * working directory).
 * </ul>
 */
public final class SyntheticSource implements FrameSource {
    /** Every parameter {@code synthetic://digits} accepts. */
    public static final Set<String> PARAMETERS = Set.of("fps", "frames", "data", "width", "height", "seed",
            "digits", "blank", "size", "rotate", "noise", "blur", "format", "stall_after");
    private final SyntheticScene scene;
    private final LiveSource live;

    private SyntheticSource(SyntheticScene scene, LiveSource live) {
        this.scene = scene;
        this.live = live;
    }

    /** Opens a {@code synthetic://digits?...} URI. */
    public static SyntheticSource open(SourceUri uri, CaptureSettings settings) {
        checkScene(uri);
        double fps = uri.number("fps", 15, 0, 1000);
        long frames = uri.integer("frames", 0, 0, Integer.MAX_VALUE);
        long stallAfter = uri.integer("stall_after", 0, 0, Integer.MAX_VALUE);
        SyntheticScene scene = new SyntheticScene(SceneSettings.fromUri(uri), loadGlyphs(uri));
        Delivery delivery = fps > 0 ? Delivery.LATEST : Delivery.EVERY;
        LiveSource live = LiveSource.start(uri.toString(), new SyntheticDevice(scene, Pacer.fps(fps), frames, stallAfter), delivery,
                false, settings.backoff());
        return new SyntheticSource(scene, live);
    }

    static void checkScene(SourceUri uri) {
        if (!uri.scheme().equals("synthetic") || !uri.target().equals("digits")) {
            throw uri.problem("the synthetic camera knows only the scene 'digits'; write synthetic://digits?fps=15");
        }
        uri.allowOnly(PARAMETERS);
    }

    /** The glyph folder of a synthetic URI: {@code data=}, else under {@code edgevision.home}. */
    static Path glyphFolder(SourceUri uri) {
        String data = uri.string("data", null);
        return data != null ? Path.of(data)
                : Path.of(System.getProperty("edgevision.home", "."), "datasets", "mnist-9k");
    }

    static Glyphs loadGlyphs(SourceUri uri) {
        Path folder = glyphFolder(uri);
        try {
            return Glyphs.load(folder);
        } catch (DatasetException e) {
            throw uri.problem("cannot load the MNIST glyphs it draws: " + e.getMessage() + ". Give data=/path/to/mnist-folder"
                    + " or run with -Dedgevision.home=<install folder holding datasets/mnist-9k>");
        }
    }

    /** The scene generator, to render any scene again. */
    public SyntheticScene scene() {
        return scene;
    }

    /** What the frame with this sequence number shows. */
    public List<GroundTruth> truth(long sequence) {
        return scene.truth(sequence);
    }

    @Override
    public String uri() {
        return live.uri();
    }

    @Override
    public CaptureStatus grab(Frame into, Duration timeout) {
        return live.grab(into, timeout);
    }

    @Override
    public SourceStatus status() {
        return live.status();
    }

    @Override
    public void close() {
        live.close();
    }
}
