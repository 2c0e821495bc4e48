package dev.edgevision.opencv;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC;
import static org.bytedeco.opencv.global.opencv_core.extractChannel;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.PixelFormat;
import dev.edgevision.core.model.InputSpec;
import dev.edgevision.core.model.PixelScaling;
import dev.edgevision.core.model.Polarity;
import dev.edgevision.core.preprocess.FramePreprocessor;
import dev.edgevision.core.preprocess.FrameResizer;
import dev.edgevision.core.preprocess.ResizeGeometry;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * One model input's pixel work on OpenCV, with the geometry and value mapping {@link FrameResizer}
 * defines: the frame's bytes are copied once into a native image, resized bilinearly at the frame's
 * own channels into the content area of a canvas already padded with grey {@link FrameResizer#PAD}
 * (letterbox) or filling it (stretch), converted to the model's colour order or to grey
 * ({@code cvtColor}), scaled to floats per channel ({@code convertTo} with the manifest's range,
 * mean, std and polarity folded into one gain and offset) into a native tensor in the input's
 * layout, and that tensor copied into the runner's input buffer. Every native image is allocated
 * when the frame size changes and reused after, so a frame allocates nothing. One thread.
 */
final class OpenCvFramePreprocessor implements FramePreprocessor {
    private final InputSpec spec;
    private final boolean letterbox;
    private final boolean wholeFrame;
    private final boolean nchw;
    private final int channels;
    private final int targetW;
    private final int targetH;
    private final double[] gain;
    private final double[] offset;

    private int frameW = -1;
    private int frameH = -1;
    private PixelFormat frameFormat;
    private ResizeGeometry geometry;
    private Mat source;
    private ByteBuffer sourceBytes;
    private Mat resized;
    private Mat canvas;
    private Mat content;
    private Mat plane;
    private Mat tensor;
    private Mat[] tensorPlanes;
    private FloatBuffer tensorFloats;
    private Mat gray;
    private ByteBuffer grayBytes;
    private int colourCode;

    OpenCvFramePreprocessor(InputSpec spec, Polarity framePolarity) {
        this.spec = spec;
        this.letterbox = "letterbox".equals(spec.resize());
        this.wholeFrame = letterbox || "stretch".equals(spec.resize());
        this.nchw = !"NHWC".equals(spec.layout());
        this.channels = spec.channels();
        this.targetW = spec.width();
        this.targetH = spec.height();
        boolean invert = PixelScaling.needsInversion(spec.polarity(), framePolarity);
        double lo = spec.valueRange().get(0);
        double hi = spec.valueRange().get(1);
        gain = new double[channels];
        offset = new double[channels];
        for (int c = 0; c < channels; c++) {
            double std = spec.std().get(c);
            double mean = spec.mean().get(c);
            gain[c] = (invert ? -1 : 1) * (hi - lo) / (255.0 * std);
            offset[c] = ((invert ? hi : lo) - mean) / std;
        }
    }

    @Override
    public void fill(Frame frame, float[] target, int at) {
        if (!wholeFrame) {
            throw new IllegalStateException("input.resize '" + spec.resize() + "' does not fit whole frames");
        }
        prepare(frame);
        sourceBytes.put(0, frame.data(), 0, frame.byteCount());
        if (colourCode < 0) {
            resize(source, content, content.size(), 0, 0, INTER_LINEAR);
        } else {
            resize(source, resized, resized.size(), 0, 0, INTER_LINEAR);
            cvtColor(resized, content, colourCode);
        }
        if (channels == 1 || !nchw) {
            if (channels == 1 || sameScaling()) {
                canvas.convertTo(tensor, CV_32F, gain[0], offset[0]);
            } else {
                scaleInterleaved();
            }
        } else {
            for (int c = 0; c < channels; c++) {
                extractChannel(canvas, plane, c);
                plane.convertTo(tensorPlanes[c], CV_32F, gain[c], offset[c]);
            }
        }
        tensorFloats.get(0, target, at, channels * targetW * targetH);
    }

    @Override
    public ResizeGeometry geometry() {
        if (geometry == null) {
            throw new IllegalStateException("no frame has been resized yet");
        }
        return geometry;
    }

    @Override
    public void grey(Frame frame, byte[] out) {
        int pixels = frame.width() * frame.height();
        if (frame.format() == PixelFormat.GRAY8) {
            System.arraycopy(frame.data(), 0, out, 0, pixels);
            return;
        }
        prepareSource(frame);
        if (gray == null || gray.rows() != frame.height() || gray.cols() != frame.width()) {
            release(gray);
            gray = new Mat(frame.height(), frame.width(), CV_8UC(1));
            grayBytes = gray.createBuffer();
        }
        sourceBytes.put(0, frame.data(), 0, frame.byteCount());
        cvtColor(source, gray, frame.format() == PixelFormat.RGB24 ? COLOR_RGB2GRAY : COLOR_BGR2GRAY);
        grayBytes.get(0, out, 0, pixels);
    }

    @Override
    public void close() {
        release(gray);
        releaseFrameBuffers();
        release(source);
        source = null;
        gray = null;
    }

    /** NHWC with a gain and offset per channel: scale to floats, then each channel by its own (rare). */
    private void scaleInterleaved() {
        canvas.convertTo(tensor, CV_32F, 1, 0);
        for (int c = 0; c < channels; c++) {
            for (int i = c; i < channels * targetW * targetH; i += channels) {
                tensorFloats.put(i, (float) (tensorFloats.get(i) * gain[c] + offset[c]));
            }
        }
    }

    private boolean sameScaling() {
        for (int c = 1; c < channels; c++) {
            if (gain[c] != gain[0] || offset[c] != offset[0]) {
                return false;
            }
        }
        return true;
    }

    private void prepareSource(Frame frame) {
        if (source != null && frame.width() == source.cols() && frame.height() == source.rows()
                && frame.format().bytesPerPixel() == source.channels()) {
            return;
        }
        release(source);
        source = new Mat(frame.height(), frame.width(), CV_8UC(frame.format().bytesPerPixel()));
        sourceBytes = source.createBuffer();
        frameW = -1;
    }

    private void prepare(Frame frame) {
        prepareSource(frame);
        if (frame.width() == frameW && frame.height() == frameH && frame.format() == frameFormat) {
            return;
        }
        releaseFrameBuffers();
        frameW = frame.width();
        frameH = frame.height();
        frameFormat = frame.format();
        geometry = ResizeGeometry.of(letterbox, frameW, frameH, targetW, targetH);
        int bpp = frameFormat.bytesPerPixel();
        canvas = new Mat(targetH, targetW, CV_8UC(channels), Scalar.all(FrameResizer.PAD));
        content = canvas.apply(new Rect(geometry.padX(), geometry.padY(), geometry.contentWidth(),
                geometry.contentHeight()));
        colourCode = colourCode(bpp);
        resized = colourCode < 0 ? null : new Mat(geometry.contentHeight(), geometry.contentWidth(), CV_8UC(bpp));
        if (channels == 1 || !nchw) {
            tensor = new Mat(targetH, targetW, CV_32FC(channels));
        } else {
            plane = new Mat(targetH, targetW, CV_8UC(1));
            tensor = new Mat(channels * targetH, targetW, CV_32FC(1));
            tensorPlanes = new Mat[channels];
            for (int c = 0; c < channels; c++) {
                tensorPlanes[c] = tensor.rowRange(c * targetH, (c + 1) * targetH);
            }
        }
        tensorFloats = tensor.createBuffer();
    }

    /**
     * The {@code cvtColor} code from the frame's bytes to the model's channels after resizing, or -1
     * when the resized frame already is the model's (same order, or grey to grey).
     */
    private int colourCode(int bpp) {
        if (bpp == 1) {
            return channels == 1 ? -1 : COLOR_GRAY2BGR;
        }
        boolean frameRgb = frameFormat == PixelFormat.RGB24;
        if (channels == 1) {
            return frameRgb ? COLOR_RGB2GRAY : COLOR_BGR2GRAY;
        }
        boolean modelBgr = "bgr".equals(spec.colour());
        return frameRgb == !modelBgr ? -1 : COLOR_BGR2RGB;
    }

    private void releaseFrameBuffers() {
        if (tensorPlanes != null) {
            for (Mat m : tensorPlanes) {
                release(m);
            }
            tensorPlanes = null;
        }
        release(tensor);
        release(plane);
        release(resized);
        release(content);
        release(canvas);
        tensor = plane = resized = content = canvas = null;
        frameW = -1;
    }

    private static void release(Mat m) {
        if (m != null) {
            m.close();
        }
    }
}
