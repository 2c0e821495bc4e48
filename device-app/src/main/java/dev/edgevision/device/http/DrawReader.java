package dev.edgevision.device.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.edgevision.core.detect.Detection;
import dev.edgevision.core.detect.Detector;
import dev.edgevision.core.detect.DetectorException;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.PixelFormat;
import dev.edgevision.core.inference.ModelRunner;
import dev.edgevision.core.model.InputSpec;
import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.core.model.ModelManifest;
import dev.edgevision.core.model.Task;
import dev.edgevision.core.preprocess.ImageInput;
import dev.edgevision.device.pipeline.BackendChoice;
import dev.edgevision.device.pipeline.BackendSelection;
import dev.edgevision.device.pipeline.DetectorFactory;
import dev.edgevision.ort.OrtRunner;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.Supplier;
import javax.imageio.ImageIO;

/**
 * Reads a drawing from the draw page (a PNG of light strokes on a dark canvas, the way MNIST digits
 * look) with a model bundle on ONNX Runtime's CPU, beside the pipelines (never taking their engine):
 * a classifier scores every class of the whole drawing, fitted into its input as the manifest
 * declares; a detector looks for digits in the drawing inverted to dark ink on a white page, the way
 * a camera sees paper, and the best score of each class among its detections is reported. The
 * bundle is the configured one, else the model served now (followed across swaps). Requests are
 * served one at a time.
 */
final class DrawReader implements AutoCloseable {
    static final int MAX_SIDE = 2048;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE_WIDTH = 640;
    private static final int PAGE_HEIGHT = 480;
    private static final int DRAWING_ON_PAGE = 180;

    /** The bundle to read with and, for a detector, the threshold it reports at. */
    record Model(ModelBundle bundle, double threshold) {
    }

    private final Supplier<Model> model;
    private String openSha;
    private ModelRunner runner;
    private Detector detector;

    DrawReader(Supplier<Model> model) {
        this.model = model;
    }

    /** The reading of {@code png} as JSON: the model, every class's score, and detections for a detector. */
    synchronized String read(byte[] png) throws DetectorException, IOException {
        BufferedImage drawing = decode(png);
        Model m = model.get();
        open(m);
        ModelManifest manifest = m.bundle().manifest();
        ObjectNode out = JSON.createObjectNode();
        ObjectNode id = out.putObject("model");
        id.put("name", manifest.name()).put("version", manifest.version()).put("sha256", m.bundle().sha256());
        out.put("task", manifest.task().wireName());
        long t0 = System.nanoTime();
        double[] scores = manifest.task() == Task.DETECTION ? detect(drawing, m, out) : classify(drawing, manifest, out);
        out.put("ms", Math.round((System.nanoTime() - t0) / 1e4) / 100.0);
        out.put("backend", OrtRunner.BACKEND);
        ArrayNode list = out.putArray("scores");
        int best = -1;
        for (int c = 0; c < scores.length; c++) {
            list.addObject().put("label", manifest.labels().get(c)).put("score", round(scores[c]));
            if (scores[c] > 0 && (best < 0 || scores[c] > scores[best])) {
                best = c;
            }
        }
        out.put("label", best < 0 ? null : manifest.labels().get(best));
        out.put("score", best < 0 ? 0 : round(scores[best]));
        return JSON.writeValueAsString(out);
    }

    private double[] classify(BufferedImage drawing, ModelManifest manifest, ObjectNode out) throws DetectorException {
        Frame frame = frame(drawing, false);
        InputSpec spec = manifest.input();
        new ImageInput(spec).fill(frame, runner.input(), 0);
        float[] output = runner.run(1);
        int classes = manifest.labels().size();
        double[] scores = new double[classes];
        boolean logits = "logits".equals(manifest.decoder().type());
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            max = Math.max(max, output[c]);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            scores[c] = logits ? Math.exp(output[c] - max) : Math.max(0, Math.min(1, output[c]));
            sum += scores[c];
        }
        if (logits) {
            for (int c = 0; c < classes; c++) {
                scores[c] /= sum;
            }
        }
        if (spec.channels() == 1 && spec.width() * spec.height() <= 4096) {
            out.set("input", inputImage(runner.input(), spec.width(), spec.height()));
        }
        return scores;
    }

    private double[] detect(BufferedImage drawing, Model m, ObjectNode out) throws DetectorException {
        BufferedImage page = new BufferedImage(PAGE_WIDTH, PAGE_HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = page.createGraphics();
        double scale = (double) DRAWING_ON_PAGE / Math.max(drawing.getWidth(), drawing.getHeight());
        int w = (int) Math.round(drawing.getWidth() * scale);
        int h = (int) Math.round(drawing.getHeight() * scale);
        int ox = (PAGE_WIDTH - w) / 2;
        int oy = (PAGE_HEIGHT - h) / 2;
        try {
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, PAGE_WIDTH, PAGE_HEIGHT);
            g.drawImage(drawing, ox, oy, w, h, null);
        } finally {
            g.dispose();
        }
        Frame frame = frame(page, true);
        double[] scores = new double[m.bundle().manifest().labels().size()];
        ArrayNode list = out.putArray("detections");
        for (Detection d : detector.detect(frame).detections()) {
            scores[d.classId()] = Math.max(scores[d.classId()], d.score());
            ObjectNode box = list.addObject().put("label", d.label()).put("score", round(d.score())).putObject("box");
            box.put("x", round((d.box().x() - ox) / scale)).put("y", round((d.box().y() - oy) / scale))
                    .put("w", round(d.box().w() / scale)).put("h", round(d.box().h() / scale));
        }
        return scores;
    }

    private void open(Model m) throws DetectorException {
        if (m.bundle().sha256().equals(openSha)) {
            return;
        }
        closeModel();
        if (m.bundle().manifest().task() == Task.DETECTION) {
            detector = DetectorFactory.open(m.bundle(), new BackendSelection(BackendChoice.ONNXRUNTIME, "draw page"),
                    m.threshold(), 1);
        } else {
            runner = new OrtRunner(m.bundle(), 1, 1);
        }
        openSha = m.bundle().sha256();
    }

    /** The drawing as a BGR frame; {@code invert}: light strokes on dark become dark ink on white. */
    private static Frame frame(BufferedImage image, boolean invert) {
        BufferedImage bgr = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = bgr.createGraphics();
        try {
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        byte[] pixels = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
        Frame frame = new Frame();
        byte[] data = frame.reshape(image.getWidth(), image.getHeight(), PixelFormat.BGR24);
        for (int i = 0; i < pixels.length; i++) {
            data[i] = invert ? (byte) (255 - (pixels[i] & 0xFF)) : pixels[i];
        }
        frame.stamp(1, System.nanoTime(), System.currentTimeMillis());
        return frame;
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        if (image == null) {
            throw new IllegalArgumentException("the body is not a PNG or JPEG image: post the canvas as image/png");
        }
        if (image.getWidth() > MAX_SIDE || image.getHeight() > MAX_SIDE) {
            throw new IllegalArgumentException("the drawing is " + image.getWidth() + "x" + image.getHeight()
                    + " pixels; at most " + MAX_SIDE + " a side is read");
        }
        return image;
    }

    private static ObjectNode inputImage(float[] input, int width, int height) {
        float[] values = Arrays.copyOf(input, width * height);
        float lo = Float.MAX_VALUE;
        float hi = -Float.MAX_VALUE;
        for (float v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        ObjectNode node = JSON.createObjectNode().put("width", width).put("height", height);
        ArrayNode pixels = node.putArray("pixels");
        for (float v : values) {
            pixels.add(hi > lo ? Math.round((v - lo) / (hi - lo) * 255) : 0);
        }
        return node;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    private void closeModel() {
        if (runner != null) {
            runner.close();
            runner = null;
        }
        if (detector != null) {
            detector.close();
            detector = null;
        }
        openSha = null;
    }

    @Override
    public synchronized void close() {
        closeModel();
    }
}
