package dev.edgevision.trainer.detector.net;

import java.util.Locale;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossL2;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * How the YOLOv2 output layer scores a grid cell's class prediction (its softmax over the classes,
 * counted only for the anchor responsible for a true box).
 *
 * <p>DL4J's {@code Yolo2OutputLayer} uses squared error on the softmax by default. Its gradient
 * shrinks as the softmax saturates, so a confidently wrong class is corrected slowly; cross-entropy
 * gives the logits the plain {@code p - y} gradient that the original YOLOv2 region layer uses.
 * Detector scores are objectness times class probability, so weak class training also shows up as
 * low scores for digits that were found.
 */
public enum ClassLoss {
    /** Multi-class cross-entropy on the softmax (the default). */
    CROSS_ENTROPY("xent"),
    /** Squared error on the softmax: DL4J's default, and what detectors before this option trained with. */
    SQUARED_ERROR("l2");

    /** The loss new runs train with. */
    public static final ClassLoss DEFAULT = CROSS_ENTROPY;

    private final String optionName;

    ClassLoss(String optionName) {
        this.optionName = optionName;
    }

    /** A new DL4J loss function for the output layer. */
    public ILossFunction lossFunction() {
        return this == CROSS_ENTROPY ? new LossMCXENT() : new LossL2();
    }

    /** The loss named {@code name} ({@code xent} or {@code l2}). */
    public static ClassLoss parse(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (ClassLoss loss : values()) {
            if (loss.optionName.equals(wanted)) {
                return loss;
            }
        }
        throw new IllegalArgumentException("--class-loss must be xent or l2, got '" + name + "'");
    }
}
