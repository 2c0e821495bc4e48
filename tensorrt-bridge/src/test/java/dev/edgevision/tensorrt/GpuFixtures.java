package dev.edgevision.tensorrt;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.PixelFormat;
import dev.edgevision.core.idx.DigitSet;
import dev.edgevision.core.idx.IdxFolder;
import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.core.preprocess.ImageInput;
import dev.edgevision.tensorrt.cache.EngineCacheKey;
import dev.edgevision.tensorrt.serve.EngineJob;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The committed digit classifier and real MNIST test digits from the repository, for the GPU tests. */
final class GpuFixtures {
    static final Path HOME = Path.of(System.getProperty("edgevision.home", "..")).toAbsolutePath().normalize();

    private GpuFixtures() {
    }

    static ModelBundle digitsBundle() throws Exception {
        return ModelBundle.open(HOME.resolve("models/digits.vbundle"));
    }

    /** The first {@code n} test digits of datasets/mnist-9k as grey images (white on black, as the model sees them). */
    static List<Frame> testDigits(int n) throws Exception {
        DigitSet test = IdxFolder.scan(HOME.resolve("datasets/mnist-9k")).test().orElseThrow().read();
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Frame frame = new Frame();
            System.arraycopy(test.image(i), 0, frame.reshape(test.cols(), test.rows(), PixelFormat.GRAY8), 0,
                    test.rows() * test.cols());
            frames.add(frame);
        }
        return frames;
    }

    /** The bundle's graph with {@code digits} as calibration images and, pre-processed, as reference inputs. */
    static EngineJob job(ModelBundle bundle, List<Frame> digits) {
        int size = 784;
        float[] reference = new float[digits.size() * size];
        ImageInput fitter = new ImageInput(bundle.manifest().input());
        for (int i = 0; i < digits.size(); i++) {
            fitter.fill(digits.get(i), reference, i * size);
        }
        return new EngineJob(bundle.manifest(), bundle.modelBytes(), bundle.modelSha256(), digits,
                EngineCacheKey.calibrationDigest(Map.of("mnist-9k test", String.valueOf(digits.size()))), reference,
                "MNIST test digits");
    }
}
