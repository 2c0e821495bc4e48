package dev.edgevision.core.image;

/**
 * A way to decode still images that a module offers through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.edgevision.core.image.StillImageDecoding}); camera's image source
 * chooses one once per process, the highest-ranked that can run, and falls back to ImageIO.
 */
public interface StillImageDecoding {
    /** Short name for logs and for asking for it, e.g. {@code opencv}. */
    String name();

    /** Higher wins when several can run; ImageIO, the fallback, is 0. */
    int rank();

    /** Why this decoding cannot run here, in words a user can act on; empty when it can. */
    String problem();

    /** A decoder for one thread, refusing images above {@code maxPixels} before decoding them. */
    StillImageDecoder open(long maxPixels);
}
