package dev.edgevision.core.preprocess;

/**
 * Where a frame lands inside a model input, and the exact way back: the geometry {@link FrameResizer}
 * samples with, so that boxes a detector finds in model-input pixels map to the source frame's
 * pixels without drift.
 *
 * <p>Coordinates here are continuous: pixel {@code i} covers {@code [i, i + 1)}, its centre is at
 * {@code i + 0.5}. Input content pixel {@code t} (after removing the padding) samples the frame at
 * continuous position {@code (t + 0.5) * scale}, which is bilinear sampling of pixel-centre index
 * {@code (t + 0.5) * scale - 0.5}; so a continuous input position {@code u} corresponds to the
 * continuous frame position {@code (u - pad) * scale} on each axis, edges included.
 *
 * <ul>
 *   <li>{@code stretch}: each axis has its own scale, {@code frame / input}; no padding.</li>
 *   <li>{@code letterbox}: one scale, the larger of the two ratios; the content is
 *       {@code round(frame / scale)} pixels and is centred, the padding before it being
 *       {@code (input - content) / 2} whole pixels (the odd pixel, if any, goes after).</li>
 * </ul>
 *
 * @param frameWidth frame width in pixels
 * @param frameHeight frame height in pixels
 * @param scaleX frame pixels per input pixel along x
 * @param scaleY frame pixels per input pixel along y
 * @param padX input pixels of padding left of the content
 * @param padY input pixels of padding above the content
 * @param contentWidth input pixels the frame's width occupies
 * @param contentHeight input pixels the frame's height occupies
 */
public record ResizeGeometry(int frameWidth, int frameHeight, double scaleX, double scaleY, int padX, int padY,
        int contentWidth, int contentHeight) {

    /**
     * The geometry of fitting a {@code frameWidth} x {@code frameHeight} frame into an input of
     * {@code inputWidth} x {@code inputHeight}.
     *
     * @param letterbox true for {@code letterbox}, false for {@code stretch}
     */
    public static ResizeGeometry of(boolean letterbox, int frameWidth, int frameHeight, int inputWidth,
            int inputHeight) {
        double sx = (double) frameWidth / inputWidth;
        double sy = (double) frameHeight / inputHeight;
        if (!letterbox) {
            return new ResizeGeometry(frameWidth, frameHeight, sx, sy, 0, 0, inputWidth, inputHeight);
        }
        double scale = Math.max(sx, sy);
        int contentW = Math.min(inputWidth, (int) Math.round(frameWidth / scale));
        int contentH = Math.min(inputHeight, (int) Math.round(frameHeight / scale));
        return new ResizeGeometry(frameWidth, frameHeight, scale, scale, (inputWidth - contentW) / 2,
                (inputHeight - contentH) / 2, contentW, contentH);
    }

    /** Frame x of continuous input x. */
    public double toFrameX(double inputX) {
        return (inputX - padX) * scaleX;
    }

    /** Frame y of continuous input y. */
    public double toFrameY(double inputY) {
        return (inputY - padY) * scaleY;
    }

    /** Input x of continuous frame x (the inverse of {@link #toFrameX}). */
    public double toInputX(double frameX) {
        return frameX / scaleX + padX;
    }

    /** Input y of continuous frame y (the inverse of {@link #toFrameY}). */
    public double toInputY(double frameY) {
        return frameY / scaleY + padY;
    }
}
