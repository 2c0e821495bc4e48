package dev.edgevision.tensorrt.serve;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.model.BundleException;
import dev.edgevision.core.model.BundleSamples;
import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.core.model.ModelManifest;
import dev.edgevision.core.preprocess.ImageInput;
import dev.edgevision.tensorrt.cache.EngineCacheKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a bundle gives the engine build: the graph, the calibration images and the reference inputs
 * the engine is validated on (the bundle's {@code reference/input.f32}, else its calibration images
 * pre-processed; none when it carries neither, and then no engine can be validated).
 *
 * @param manifest the bundle's manifest
 * @param onnx the ONNX graph
 * @param modelSha256 the graph's sha256
 * @param calibrationImages the calibration images, possibly none
 * @param calibrationSha256 hash of the calibration images' hashes (cache keys of INT8 engines)
 * @param referenceInputs pre-processed inputs to validate on, or null
 * @param referenceSource where they came from, for messages
 */
public record EngineJob(ModelManifest manifest, byte[] onnx, String modelSha256, List<Frame> calibrationImages,
        String calibrationSha256, float[] referenceInputs, String referenceSource) {
    public EngineJob {
        calibrationImages = List.copyOf(calibrationImages);
    }

    /** Reads what the build needs from {@code bundle}; a damaged sample entry is an error naming it. */
    public static EngineJob of(ModelBundle bundle) throws BundleException {
        ModelManifest manifest = bundle.manifest();
        List<Frame> images = BundleSamples.calibrationImages(bundle);
        Map<String, String> hashes = new LinkedHashMap<>();
        BundleSamples.calibrationNames(manifest).forEach(n -> hashes.put(n, manifest.files().get(n).sha256()));
        float[] reference = BundleSamples.referenceInput(bundle).orElse(null);
        String source = BundleSamples.REFERENCE_INPUT;
        if (reference == null && !images.isEmpty()) {
            int size = BundleSamples.inputSampleSize(manifest);
            reference = new float[images.size() * size];
            ImageInput fitter = new ImageInput(manifest.input());
            for (int i = 0; i < images.size(); i++) {
                fitter.fill(images.get(i), reference, i * size);
            }
            source = "the bundle's calibration images";
        }
        return new EngineJob(manifest, bundle.modelBytes(), bundle.modelSha256(), images,
                EngineCacheKey.calibrationDigest(hashes), reference, reference == null ? null : source);
    }

    /** Samples in the reference inputs (0 when there are none). */
    public int referenceSamples() {
        return referenceInputs == null ? 0 : referenceInputs.length / BundleSamples.inputSampleSize(manifest);
    }
}
