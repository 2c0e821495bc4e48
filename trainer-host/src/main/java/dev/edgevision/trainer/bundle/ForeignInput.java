package dev.edgevision.trainer.bundle;

import dev.edgevision.core.model.InputSpec;
import dev.edgevision.core.model.Polarity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Works out a foreign model's input declaration from its graph and the options: layout from where
 * the 1 or 3 channels sit, size from the graph unless it is dynamic (then {@code --input-size}),
 * colour from the channel count, RGB values scaled to 0..1 and letterboxing unless told otherwise.
 */
final class ForeignInput {
    private ForeignInput() {
    }

    static InputSpec infer(OnnxSignature graph, ForeignDetectorOptions o) throws ForeignModelException {
        Path file = o.onnx();
        if (graph.inputs().size() != 1) {
            throw new ForeignModelException(file + ": has " + graph.inputs().size() + " inputs "
                    + graph.inputs().stream().map(OnnxSignature.Tensor::name).toList()
                    + "; a bundle feeds a detector one image input");
        }
        OnnxSignature.Tensor in = graph.inputs().get(0);
        if (!in.isFloat() || in.shape().length != 4) {
            throw new ForeignModelException(file + ": input '" + in.name() + "' is " + in.type() + " " + in.shapeText()
                    + "; a detector bundle needs a float32 image input [N, C, H, W] or [N, H, W, C]"
                    + " (re-export the model with float input)");
        }
        long[] s = in.shape();
        String layout = s[1] == 1 || s[1] == 3 ? "NCHW" : s[3] == 1 || s[3] == 3 ? "NHWC" : null;
        if (layout == null) {
            throw new ForeignModelException(file + ": input '" + in.name() + "' " + in.shapeText() + " has no channel"
                    + " dimension of 1 or 3 next to the batch or at the end; it is not an image input this device feeds");
        }
        int channels = (int) (layout.equals("NCHW") ? s[1] : s[3]);
        long h = layout.equals("NCHW") ? s[2] : s[1];
        long w = layout.equals("NCHW") ? s[3] : s[2];
        int[] size = size(file, in, w, h, o.inputSize());
        String colour = colour(file, o.colour(), channels);
        List<Integer> shape = layout.equals("NCHW") ? List.of((int) s[0], channels, size[1], size[0])
                : List.of((int) s[0], size[1], size[0], channels);
        String resize = o.resize() == null ? "letterbox" : o.resize();
        if (!resize.equals("letterbox") && !resize.equals("stretch")) {
            throw new ForeignModelException("--resize must be letterbox or stretch, got '" + resize + "'");
        }
        List<Double> range = o.valueRange() == null ? List.of(0.0, 1.0) : o.valueRange();
        if (range.size() != 2 || !(range.get(1) > range.get(0))) {
            throw new ForeignModelException("--value-range must be LOW,HIGH with LOW < HIGH, got " + range);
        }
        return new InputSpec(in.name(), shape, layout, "float32", colour, range,
                perChannel("--mean", o.mean(), 0.0, channels), perChannel("--std", o.std(), 1.0, channels),
                Polarity.NATURAL, resize);
    }

    /** [width, height]: the graph's when fixed (an --input-size must agree), else --input-size. */
    private static int[] size(Path file, OnnxSignature.Tensor in, long w, long h, int[] given)
            throws ForeignModelException {
        if (w > 0 && h > 0) {
            if (given != null && (given[0] != w || given[1] != h)) {
                throw new ForeignModelException(file + ": input '" + in.name() + "' " + in.shapeText() + " is fixed at "
                        + w + "x" + h + "; --input-size " + given[0] + "x" + given[1] + " cannot apply (leave it out)");
            }
            return new int[] {(int) w, (int) h};
        }
        if (given == null) {
            throw new ForeignModelException(file + ": input '" + in.name() + "' " + in.shapeText() + " has a dynamic"
                    + " size; give --input-size WxH, the size the model was trained at (e.g. 640x640)");
        }
        return given;
    }

    private static String colour(Path file, String given, int channels) throws ForeignModelException {
        String colour = given != null ? given : channels == 1 ? "grayscale" : "rgb";
        if (!List.of("rgb", "bgr", "grayscale").contains(colour)) {
            throw new ForeignModelException("--colour must be rgb, bgr or grayscale, got '" + colour + "'");
        }
        if (colour.equals("grayscale") != (channels == 1)) {
            throw new ForeignModelException(file + ": the input has " + channels + " channel(s); --colour " + colour
                    + " does not fit (use " + (channels == 1 ? "grayscale" : "rgb or bgr") + ")");
        }
        return colour;
    }

    private static List<Double> perChannel(String option, List<Double> given, double fallback, int channels)
            throws ForeignModelException {
        List<Double> values = given == null ? Collections.nCopies(channels, fallback)
                : given.size() == 1 ? Collections.nCopies(channels, given.get(0)) : new ArrayList<>(given);
        if (values.size() != channels) {
            throw new ForeignModelException(option + " needs 1 or " + channels + " values (one per channel), got "
                    + given.size());
        }
        if (option.equals("--std") && values.contains(0.0)) {
            throw new ForeignModelException("--std must not contain 0");
        }
        return values;
    }
}
