package dev.edgevision.trainer.detector.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.objdetect.Yolo2OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Starts a new detector from another detector's trained feature layers: every convolution,
 * batch-norm (with its running statistics) and pooling layer before the 1x1 output convolution. The
 * output convolution is left freshly initialised, because it belongs to the new run's classes and
 * anchors. Convolution weights do not depend on the input size, so a network trained at 320x240
 * starts one at another size as long as its stages and context layers have the same widths.
 *
 * <p>This is what makes a few hundred labelled images enough: the stages already know strokes,
 * edges and blobs on paper-like backgrounds, and the run only has to learn the new classes.
 *
 * <p>{@link #withHead()} takes the output convolution and the anchors too: a run of the same classes
 * then continues the source detector on other scenes instead of learning its output afresh.
 */
public final class PretrainedFeatures {
    private final Path source;
    private final MultiLayerNetwork network;
    private final boolean head;

    private PretrainedFeatures(Path source, MultiLayerNetwork network, boolean head) {
        this.source = source;
        this.network = network;
        this.head = head;
    }

    /** Reads a detector checkpoint ({@code best.zip} of a run, or a committed {@code *.weights.zip}). */
    public static PretrainedFeatures read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such weights file; give a detector run's checkpoint/best.zip, or"
                    + " --init-from none to start from random weights");
        }
        try {
            return new PretrainedFeatures(file, ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false), false);
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + ": not a DL4J detector checkpoint (" + e.getMessage()
                    + "); give a detector run's checkpoint/best.zip, or --init-from none", e);
        }
    }

    /** The same weights, with the output convolution and anchors taken as well. */
    public PretrainedFeatures withHead() {
        return new PretrainedFeatures(source, network, true);
    }

    /** Whether the output convolution and anchors are taken too. */
    public boolean keepsHead() {
        return head;
    }

    /**
     * The source detector's anchors in grid cells, which a run that keeps the head trains with.
     *
     * @throws IllegalArgumentException when the source does not end in a YOLOv2 output layer
     */
    public List<double[]> anchors() {
        Layer[] layers = network.getLayers();
        if (!(layers[layers.length - 1].conf().getLayer() instanceof Yolo2OutputLayer yolo)) {
            throw new IllegalArgumentException(source + ": does not end in a YOLOv2 output layer, so it has no anchors"
                    + " to keep; leave out --keep-head");
        }
        INDArray priors = yolo.getBoundingBoxes();
        List<double[]> anchors = new ArrayList<>();
        for (int i = 0; i < priors.rows(); i++) {
            anchors.add(new double[] {priors.getDouble(i, 0), priors.getDouble(i, 1)});
        }
        return anchors;
    }

    /** Where the weights came from. */
    public Path source() {
        return source;
    }

    /**
     * Copies the feature layers (and with {@link #withHead()} the output convolution) into
     * {@code target}, a fresh network of the new run.
     *
     * @return the number of parameters copied
     * @throws IllegalArgumentException naming the first layer that differs, when the two networks'
     *     feature layers are not alike
     */
    public long copyInto(MultiLayerNetwork target) {
        Layer[] from = network.getLayers();
        Layer[] to = target.getLayers();
        int features = head ? to.length - 1 : to.length - 2;
        if (from.length != to.length) {
            throw mismatch("it has " + from.length + " layers, this run's network " + to.length);
        }
        long copied = 0;
        for (int i = 0; i < features; i++) {
            Class<?> kind = kind(to[i]);
            if (kind(from[i]) != kind) {
                throw mismatch("layer " + i + " is a " + from[i].conf().getLayer().getClass().getSimpleName()
                        + ", this run's a " + to[i].conf().getLayer().getClass().getSimpleName());
            }
            Map<String, INDArray> wanted = to[i].paramTable();
            Map<String, INDArray> given = from[i].paramTable();
            if (!wanted.keySet().equals(given.keySet())) {
                throw mismatch("layer " + i + " holds " + given.keySet() + ", this run's " + wanted.keySet());
            }
            for (Map.Entry<String, INDArray> e : wanted.entrySet()) {
                INDArray value = given.get(e.getKey());
                if (!Arrays.equals(value.shape(), e.getValue().shape())) {
                    throw mismatch("layer " + i + " " + e.getKey() + " is " + Arrays.toString(value.shape())
                            + ", this run's " + Arrays.toString(e.getValue().shape())
                            + (i == to.length - 2 ? " (another number of classes or anchors)" : ""));
                }
            }
            for (Map.Entry<String, INDArray> e : wanted.entrySet()) {
                e.getValue().assign(given.get(e.getKey()));
                copied += e.getValue().length();
            }
        }
        return copied;
    }

    /** What a layer does: activation layers count as one kind, whichever class applies them. */
    private static Class<?> kind(Layer layer) {
        Object conf = layer.conf().getLayer();
        return conf instanceof ActivationLayer ? ActivationLayer.class : conf.getClass();
    }

    private IllegalArgumentException mismatch(String detail) {
        return new IllegalArgumentException(source + ": its feature layers do not fit this run's network (" + detail
                + "); train with the stages and context layers it was trained with, or --init-from none");
    }
}
