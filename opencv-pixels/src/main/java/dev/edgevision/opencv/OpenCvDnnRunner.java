package dev.edgevision.opencv;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;

import dev.edgevision.core.detect.DetectorException;
import dev.edgevision.core.inference.ModelRunner;
import dev.edgevision.core.inference.RunnerOutputs;
import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.core.model.ModelManifest;
import dev.edgevision.core.model.OutputSpec;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.opencv.global.opencv_dnn;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.StringVector;
import org.bytedeco.opencv.opencv_dnn.Net;

/**
 * A bundle's ONNX graph on OpenCV's DNN module (CPU), as a {@link ModelRunner}: the peer a user
 * would write around the same model, measured by {@code appliance bench --compare opencv-dnn}. The
 * input blob and output arrays are allocated once for {@code maxBatch}; a run copies the staged
 * input into the blob, runs {@code forward} for every output the manifest lists, and copies them
 * out. One thread.
 */
public final class OpenCvDnnRunner implements ModelRunner {
    /** Backend name in figures. */
    public static final String BACKEND = "opencv-dnn";

    private final Net net;
    private final String inputName;
    private final String decoderOutput;
    private final int maxBatch;
    private final int sampleSize;
    private final int[] sampleShape;
    private final float[] input;
    private final RunnerOutputs outputs;
    private final StringVector outputNames;
    private final MatVector results = new MatVector();
    private Mat blob;
    private FloatBuffer blobFloats;
    private int blobBatch;

    /**
     * Loads {@code bundle}'s graph into OpenCV's DNN module.
     *
     * @throws DetectorException when OpenCV cannot read the graph
     */
    public OpenCvDnnRunner(ModelBundle bundle, int maxBatch) throws DetectorException {
        if (!OpenCvRuntime.available()) {
            throw new DetectorException(OpenCvRuntime.problem());
        }
        ModelManifest manifest = bundle.manifest();
        this.maxBatch = maxBatch;
        this.inputName = manifest.input().name();
        this.decoderOutput = manifest.decoder().output();
        List<Integer> shape = manifest.input().shape();
        this.sampleShape = shape.subList(1, shape.size()).stream().mapToInt(Integer::intValue).toArray();
        int size = 1;
        for (int d : sampleShape) {
            size *= d;
        }
        this.sampleSize = size;
        this.input = new float[maxBatch * sampleSize];
        List<String> names = manifest.outputs().stream().map(OutputSpec::name).toList();
        int[] sizes = new int[names.size()];
        for (int i = 0; i < names.size(); i++) {
            List<Integer> s = manifest.outputs().get(i).shape();
            int n = 1;
            for (int d = 1; d < s.size(); d++) {
                n *= s.get(d);
            }
            sizes[i] = n;
        }
        this.outputs = new RunnerOutputs(names, sizes, maxBatch);
        this.outputNames = new StringVector(names.toArray(new String[0]));
        this.net = read(bundle);
        net.setPreferableBackend(opencv_dnn.DNN_BACKEND_OPENCV);
        net.setPreferableTarget(opencv_dnn.DNN_TARGET_CPU);
    }

    private static Net read(ModelBundle bundle) throws DetectorException {
        Path file = null;
        try {
            file = Files.createTempFile("edgevision-dnn", ".onnx");
            Files.write(file, bundle.modelBytes());
            Net net = opencv_dnn.readNetFromONNX(file.toString());
            if (net == null || net.empty()) {
                throw new DetectorException(bundle.path() + ": OpenCV's DNN module read an empty network");
            }
            return net;
        } catch (IOException e) {
            throw new DetectorException(bundle.path() + ": could not stage the graph for OpenCV: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new DetectorException(bundle.path() + ": OpenCV's DNN module cannot read the graph: "
                    + e.getMessage(), e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file; the system cleans it up
                }
            }
        }
    }

    @Override
    public String backend() {
        return BACKEND;
    }

    @Override
    public int maxBatch() {
        return maxBatch;
    }

    @Override
    public float[] input() {
        return input;
    }

    @Override
    public float[] run(int batch) throws DetectorException {
        ModelRunner.checkBatch(batch, maxBatch);
        if (blob == null || blobBatch != batch) {
            if (blob != null) {
                blob.close();
            }
            int[] dims = new int[sampleShape.length + 1];
            dims[0] = batch;
            System.arraycopy(sampleShape, 0, dims, 1, sampleShape.length);
            blob = new Mat(dims, CV_32F);
            blobFloats = blob.createBuffer();
            blobBatch = batch;
        }
        blobFloats.put(0, input, 0, batch * sampleSize);
        try {
            net.setInput(blob, inputName, 1.0, null);
            net.forward(results, outputNames);
        } catch (RuntimeException e) {
            throw new DetectorException("OpenCV DNN forward failed: " + e.getMessage(), e);
        }
        for (int i = 0; i < outputs.count(); i++) {
            Mat out = results.get(i);
            FloatBuffer values = out.createBuffer();
            values.get(0, outputs.array(i), 0, batch * outputs.sampleSize(i));
        }
        return outputs.output(decoderOutput);
    }

    @Override
    public float[] output(String name) {
        return outputs.output(name);
    }

    @Override
    public void close() {
        if (blob != null) {
            blob.close();
        }
        results.close();
        outputNames.close();
        net.close();
    }
}
