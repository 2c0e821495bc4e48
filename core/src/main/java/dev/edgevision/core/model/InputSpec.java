package dev.edgevision.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The model's input tensor and the pre-processing that turns pixels into it.
 *
 * <p>A pixel {@code p} in [0, 255] becomes {@code ((p / 255) * (hi - lo) + lo - mean[c]) / std[c]}
 * where {@code [lo, hi]} is {@link #valueRange()}.
 *
 * @param name tensor name in the ONNX graph
 * @param shape NCHW or NHWC dimensions with batch first; a batch of -1 means any batch size
 * @param layout {@code NCHW} or {@code NHWC}
 * @param dtype element type, {@code float32}
 * @param colour {@code grayscale}, {@code rgb} or {@code bgr}
 * @param valueRange the range pixels are scaled to before normalisation
 * @param mean per-channel mean subtracted after scaling
 * @param std per-channel standard deviation divided by after subtracting the mean
 * @param polarity ink/background polarity of the training data
 * @param resize how a region is fitted to the input: {@code stretch}, {@code letterbox} or
 *     {@code mnist} (digit centred by its centre of mass in a 20x20 box inside 28x28, as MNIST was made)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InputSpec(
        String name,
        List<Integer> shape,
        String layout,
        String dtype,
        String colour,
        List<Double> valueRange,
        List<Double> mean,
        List<Double> std,
        Polarity polarity,
        String resize) {

    /** Channels, from the shape and layout. */
    public int channels() {
        return "NHWC".equals(layout) ? shape.get(3) : shape.get(1);
    }

    /** Height in pixels, from the shape and layout. */
    public int height() {
        return "NHWC".equals(layout) ? shape.get(1) : shape.get(2);
    }

    /** Width in pixels, from the shape and layout. */
    public int width() {
        return "NHWC".equals(layout) ? shape.get(2) : shape.get(3);
    }
}
