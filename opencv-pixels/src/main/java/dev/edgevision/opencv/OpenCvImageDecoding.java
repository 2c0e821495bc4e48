package dev.edgevision.opencv;

import dev.edgevision.core.image.StillImageDecoder;
import dev.edgevision.core.image.StillImageDecoding;

/**
 * OpenCV's image codecs as a {@link StillImageDecoding}, offered to camera's image source through
 * the service loader; ranked above ImageIO, used when OpenCV's natives load.
 */
public final class OpenCvImageDecoding implements StillImageDecoding {
    @Override
    public String name() {
        return "opencv";
    }

    @Override
    public int rank() {
        return 10;
    }

    @Override
    public String problem() {
        return OpenCvRuntime.codecsAvailable() ? "" : OpenCvRuntime.codecsProblem();
    }

    @Override
    public StillImageDecoder open(long maxPixels) {
        if (!OpenCvRuntime.codecsAvailable()) {
            throw new IllegalStateException(OpenCvRuntime.codecsProblem());
        }
        return new OpenCvImageDecoder(maxPixels);
    }
}
