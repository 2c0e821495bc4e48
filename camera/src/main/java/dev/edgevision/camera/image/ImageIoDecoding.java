package dev.edgevision.camera.image;

import dev.edgevision.core.image.StillImageDecoder;
import dev.edgevision.core.image.StillImageDecoding;

/** The JDK's ImageIO as a {@link StillImageDecoding}: always there, the fallback (rank 0). */
final class ImageIoDecoding implements StillImageDecoding {
    static final ImageIoDecoding INSTANCE = new ImageIoDecoding();

    private ImageIoDecoding() {
    }

    @Override
    public String name() {
        return "imageio";
    }

    @Override
    public int rank() {
        return 0;
    }

    @Override
    public String problem() {
        return "";
    }

    @Override
    public StillImageDecoder open(long maxPixels) {
        return new ImageDecoder(maxPixels);
    }
}
