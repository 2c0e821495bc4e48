package dev.edgevision.core.preprocess;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.model.InputSpec;
import dev.edgevision.core.model.Polarity;

/** The pure-Java {@link Preprocessing}: {@link FrameResizer} for whole frames, {@link Grayscale} for grey. */
final class JavaPreprocessing implements Preprocessing {
    static final JavaPreprocessing INSTANCE = new JavaPreprocessing();

    private JavaPreprocessing() {
    }

    @Override
    public String name() {
        return "java";
    }

    @Override
    public FramePreprocessor open(InputSpec spec, Polarity framePolarity) {
        boolean wholeFrame = "stretch".equals(spec.resize()) || "letterbox".equals(spec.resize());
        FrameResizer resizer = wholeFrame ? new FrameResizer(spec, framePolarity) : null;
        return new FramePreprocessor() {
            @Override
            public void fill(Frame frame, float[] target, int offset) {
                if (resizer == null) {
                    throw new IllegalStateException("input.resize '" + spec.resize() + "' does not fit whole frames");
                }
                resizer.fill(frame, target, offset);
            }

            @Override
            public ResizeGeometry geometry() {
                if (resizer == null) {
                    throw new IllegalStateException("no frame has been resized yet");
                }
                return resizer.geometry();
            }

            @Override
            public void grey(Frame frame, byte[] gray) {
                Grayscale.convert(frame, gray);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public String toString() {
        return name();
    }
}
