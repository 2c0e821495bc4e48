package dev.edgevision.core.preprocess;

import dev.edgevision.core.frame.Frame;

/**
 * The pixel work for one model input, opened by a {@link Preprocessing}: the whole frame fitted
 * into the input ({@code stretch} or {@code letterbox}, colour order, layout, value scaling, ink
 * polarity) as {@link FrameResizer} defines it, and grey conversion for the region finder. Buffers
 * are kept per frame size, so a frame allocates nothing frame-sized. Used from one thread.
 */
public interface FramePreprocessor extends AutoCloseable {
    /**
     * Writes the model input for {@code frame} into {@code target} at {@code offset}.
     *
     * @throws IllegalStateException when the input's resize is not {@code stretch} or {@code letterbox}
     */
    void fill(Frame frame, float[] target, int offset);

    /** The geometry of the last frame {@link #fill} handled, for mapping boxes back to frame pixels. */
    ResizeGeometry geometry();

    /** Writes the grey image of {@code frame} (one byte per pixel) into {@code gray}. */
    void grey(Frame frame, byte[] gray);

    /** Frees native buffers, if any. */
    @Override
    void close();
}
