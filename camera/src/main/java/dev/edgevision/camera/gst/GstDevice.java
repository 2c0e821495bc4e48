package dev.edgevision.camera.gst;

import dev.edgevision.camera.capture.CaptureDevice;
import dev.edgevision.camera.capture.CaptureSettings;
import dev.edgevision.camera.capture.SourceFailedException;
import dev.edgevision.core.frame.Frame;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.freedesktop.gstreamer.Bus;
import org.freedesktop.gstreamer.Caps;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.Sample;
import org.freedesktop.gstreamer.StateChangeReturn;
import org.freedesktop.gstreamer.elements.AppSink;
import org.freedesktop.gstreamer.glib.GError;

/**
 * Runs a GStreamer pipeline that ends in an appsink and pulls its newest sample. The appsink keeps
 * one buffer and drops older ones, so GStreamer queues nothing either. Errors posted on the bus and
 * stalls end a read with an exception, which makes the source rebuild the pipeline.
 */
final class GstDevice implements CaptureDevice {
    private static final long PULL_NANOS = 100_000_000L;
    private final String description;
    private final boolean endIsLoss;
    private final CaptureSettings settings;
    private final AtomicReference<String> busError = new AtomicReference<>();
    private final Bus.ERROR onError = (source, code, message) ->
            busError.compareAndSet(null, source.getName() + ": " + message);
    private final Bus.EOS onEnd = source -> ended = true;
    private volatile boolean ended;
    private volatile boolean aborted;
    private Pipeline pipeline;
    private AppSink sink;
    private boolean delivered;

    /**
     * @param description a gst-launch pipeline ending in an appsink
     * @param endIsLoss whether end of stream means the camera was lost (reopen) rather than the end (stop)
     */
    GstDevice(String description, boolean endIsLoss, CaptureSettings settings) {
        this.description = description;
        this.endIsLoss = endIsLoss;
        this.settings = settings;
    }

    @Override
    public void open(Warnings warnings) throws IOException {
        List<GError> errors = new ArrayList<>();
        Element parsed = Gst.parseLaunch(description, errors);
        if (!errors.isEmpty() || !(parsed instanceof Pipeline)) {
            if (parsed != null) {
                parsed.dispose();
            }
            throw new SourceFailedException("GStreamer cannot build the pipeline '" + description + "': "
                    + (errors.isEmpty() ? "it is a single element; end a pipeline in '! appsink'" : describe(errors)));
        }
        pipeline = (Pipeline) parsed;
        sink = findAppSink(pipeline);
        sink.set("max-buffers", 1);
        sink.set("drop", true);
        Caps caps = sink.getCaps();
        if (caps == null || caps.isAny()) {
            sink.setCaps(Caps.fromString(SampleCopier.CAPS));
        }
        busError.set(null);
        ended = false;
        delivered = false;
        pipeline.getBus().connect(onError);
        pipeline.getBus().connect(onEnd);
        if (pipeline.play() == StateChangeReturn.FAILURE) {
            throw new IOException("the pipeline will not start" + errorSuffix());
        }
    }

    private AppSink findAppSink(Pipeline bin) throws SourceFailedException {
        List<AppSink> sinks = bin.getElementsRecursive().stream()
                .filter(AppSink.class::isInstance).map(AppSink.class::cast).toList();
        if (sinks.size() != 1) {
            throw new SourceFailedException("the pipeline '" + description + "' has " + sinks.size()
                    + " appsinks; it needs exactly one, at the end ('... ! videoconvert ! appsink')");
        }
        return sinks.get(0);
    }

    @Override
    public boolean read(Frame into) throws IOException {
        Duration limit = delivered ? settings.stallTimeout() : settings.openTimeout();
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            if (aborted) {
                throw new IOException("closed");
            }
            String error = busError.get();
            if (error != null) {
                throw new IOException("pipeline error from " + error + hint(error));
            }
            Sample sample = sink.emit(Sample.class, "try-pull-sample", PULL_NANOS);
            if (sample != null) {
                try {
                    SampleCopier.copy(sample, into);
                } finally {
                    sample.dispose();
                }
                delivered = true;
                return true;
            }
            if (ended || sink.isEOS()) {
                if (endIsLoss) {
                    throw new IOException("the camera pipeline reached end of stream");
                }
                return false;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IOException("no frame for " + limit.toMillis() / 1000.0 + " s (pipeline "
                        + pipeline.getState(0) + ")" + errorSuffix());
            }
        }
    }

    private String errorSuffix() {
        String error = busError.get();
        return error == null ? "" : ": " + error + hint(error);
    }

    private static String hint(String error) {
        return error.contains("not-negotiated") || error.contains("Internal data stream error")
                ? " (often formats that do not fit: put videoconvert before the appsink)" : "";
    }

    private static String describe(List<GError> errors) {
        String text = errors.stream().map(GError::getMessage).collect(Collectors.joining("; "));
        return text + (text.contains("no element") ? " (install the GStreamer plugin that provides it;"
                + " gst-inspect-1.0 NAME tells whether it is there)" : "");
    }

    @Override
    public void abort() {
        aborted = true;
    }

    @Override
    public void close() {
        if (pipeline != null) {
            pipeline.stop();
            pipeline.getBus().disconnect(onError);
            pipeline.getBus().disconnect(onEnd);
            pipeline.dispose();
            pipeline = null;
            sink = null;
        }
    }
}
