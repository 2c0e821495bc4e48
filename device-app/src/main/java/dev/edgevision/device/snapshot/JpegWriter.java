package dev.edgevision.device.snapshot;

import java.awt.image.BufferedImage;

/**
 * Encodes an annotated image ({@code TYPE_3BYTE_BGR}, packed) as JPEG at a fixed quality; chosen
 * once per process by {@link JpegWriters}. One per {@link AnnotatedJpeg}; not for concurrent use.
 */
interface JpegWriter {
    /** Short name for logs and figures: {@code imageio} or {@code opencv}. */
    String name();

    /** The JPEG of {@code image}. */
    byte[] write(BufferedImage image);
}
