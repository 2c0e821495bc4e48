package dev.edgevision.trainer.classifier;

import java.util.Locale;

/** Which of the two digit-classifier layouts {@link DigitClassifierNetwork} builds. */
public enum ClassifierShape {
    /** LeNet's geometry: one unpadded 5x5 convolution per stage. Fast; the default. */
    LENET("LeNet-class CNN"),
    /** Two padded 3x3 convolutions per stage: twice the depth and about twice the work per digit. */
    VGG("VGG-style CNN");

    private final String title;

    ClassifierShape(String title) {
        this.title = title;
    }

    /** A readable name, for reports. */
    public String title() {
        return title;
    }

    /** The shape named {@code name} ({@code lenet} or {@code vgg}), or {@code null} when there is none. */
    public static ClassifierShape named(String name) {
        for (ClassifierShape shape : values()) {
            if (shape.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return shape;
            }
        }
        return null;
    }
}
