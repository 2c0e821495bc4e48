package dev.edgevision.trainer.backend;

import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Turns a layer's input from one activation layout to the other (channels-first {@code NCHW} to
 * channels-last {@code NHWC}, or back), and its gradient the opposite way. Two of them let the
 * detector network compute its convolution stages channels-last while its input and YOLOv2 output
 * stay channels-first: what {@code trainer bench-train --layout nhwc} measures. It measured no
 * faster than channels-first, so the trainer does not use it and the ONNX exporter does not accept
 * it.
 */
public final class ChannelLayoutSwap implements InputPreProcessor {
    private static final long serialVersionUID = 1L;
    private static final int[] TO_LAST = {0, 2, 3, 1};
    private static final int[] TO_FIRST = {0, 3, 1, 2};

    /** The layout arriving; the layer it feeds receives the other. Not final: DL4J's JSON sets it. */
    private CNN2DFormat from;

    /** For DL4J's JSON reader. */
    public ChannelLayoutSwap() {
        this(CNN2DFormat.NCHW);
    }

    /** A swap from {@code from} to the other layout. */
    public ChannelLayoutSwap(CNN2DFormat from) {
        this.from = from;
    }

    /** The layout this swap receives. */
    public CNN2DFormat from() {
        return from;
    }

    /** The layout this swap receives, as DL4J's JSON writer reads it (a bean property). */
    public CNN2DFormat getFrom() {
        return from;
    }

    /** For DL4J's JSON reader, which sets bean properties. */
    public void setFrom(CNN2DFormat from) {
        this.from = from;
    }

    /** The layout this swap hands on. */
    public CNN2DFormat to() {
        return from == CNN2DFormat.NCHW ? CNN2DFormat.NHWC : CNN2DFormat.NCHW;
    }

    @Override
    public INDArray preProcess(INDArray input, int miniBatchSize, LayerWorkspaceMgr workspaceMgr) {
        if (input.rank() != 4) {
            throw new IllegalArgumentException("a layout swap needs rank-4 activations, got shape "
                    + java.util.Arrays.toString(input.shape()));
        }
        return workspaceMgr.dup(ArrayType.ACTIVATIONS, input.permute(from == CNN2DFormat.NCHW ? TO_LAST : TO_FIRST), 'c');
    }

    @Override
    public INDArray backprop(INDArray output, int miniBatchSize, LayerWorkspaceMgr workspaceMgr) {
        return workspaceMgr.dup(ArrayType.ACTIVATION_GRAD,
                output.permute(from == CNN2DFormat.NCHW ? TO_FIRST : TO_LAST), 'c');
    }

    @Override
    public ChannelLayoutSwap clone() {
        return new ChannelLayoutSwap(from);
    }

    @Override
    public InputType getOutputType(InputType inputType) {
        if (!(inputType instanceof InputType.InputTypeConvolutional c)) {
            throw new IllegalArgumentException("a layout swap needs convolutional input, got " + inputType);
        }
        return InputType.convolutional(c.getHeight(), c.getWidth(), c.getChannels(), to());
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray maskArray, MaskState currentMaskState,
            int minibatchSize) {
        return new Pair<>(maskArray, currentMaskState);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelLayoutSwap other && other.from == from;
    }

    @Override
    public int hashCode() {
        return from.hashCode();
    }

    @Override
    public String toString() {
        return "ChannelLayoutSwap(" + from + " -> " + to() + ")";
    }
}
