package dev.edgevision.tensorrt.cache;

import dev.edgevision.core.model.Sha256;
import dev.edgevision.tensorrt.build.Precision;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything that makes a serialised engine invalid when it changes: the ONNX graph, the TensorRT
 * library that built it, the GPU (name and compute capability), the precision, the DLA core, the
 * input shapes, and for INT8 the calibration images. The cache file's name is a hash of the
 * canonical form, so an engine is only ever found by the key it was built for.
 *
 * @param modelSha256 sha256 of the ONNX graph
 * @param tensorrtVersion version of the TensorRT library loaded at run time, e.g. {@code 10.3.0}
 * @param gpuName the GPU's name as CUDA reports it, e.g. {@code Orin}
 * @param computeCapability e.g. {@code 8.7}
 * @param precision the precision built
 * @param dlaCore the DLA core, or -1
 * @param inputShapes the input profile ({@code input:1x1x28x28,4x1x28x28,32x1x28x28})
 * @param calibrationSha256 hash of the calibration images' hashes for INT8, else null
 */
public record EngineCacheKey(String modelSha256, String tensorrtVersion, String gpuName, String computeCapability,
        Precision precision, int dlaCore, String inputShapes, String calibrationSha256) {
    /** Version of the canonical form; a change makes every cached engine a miss. */
    static final int FORMAT = 1;

    public EngineCacheKey {
        Objects.requireNonNull(modelSha256, "modelSha256");
        Objects.requireNonNull(tensorrtVersion, "tensorrtVersion");
        Objects.requireNonNull(gpuName, "gpuName");
        Objects.requireNonNull(computeCapability, "computeCapability");
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(inputShapes, "inputShapes");
        if (precision == Precision.INT8 && calibrationSha256 == null) {
            throw new IllegalArgumentException("an INT8 key needs the calibration images' hash");
        }
        if (precision != Precision.INT8) {
            calibrationSha256 = null;
        }
    }

    /** The fields by their names in the canonical form, in a fixed order. */
    public Map<String, String> fields() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("model_sha256", modelSha256);
        f.put("tensorrt", tensorrtVersion);
        f.put("gpu", gpuName);
        f.put("compute_capability", computeCapability);
        f.put("precision", precision.wireName());
        f.put("dla_core", Integer.toString(dlaCore));
        f.put("input_shapes", inputShapes);
        f.put("calibration_sha256", calibrationSha256 == null ? "-" : calibrationSha256);
        return f;
    }

    /** One {@code name=value} line per field after a format line: what the file name hashes. */
    public String canonical() {
        StringBuilder text = new StringBuilder("edgevision-engine-key " + FORMAT + "\n");
        fields().forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        return text.toString();
    }

    /** {@code <model>-<precision>-<hash>}: the cache file name without extension. */
    public String fileStem() {
        String hash = Sha256.hex(canonical().getBytes(StandardCharsets.UTF_8)).substring(0, 24);
        return modelSha256.substring(0, Math.min(12, modelSha256.length())) + "-" + precision.wireName() + "-" + hash;
    }

    /** The fields that differ from {@code older}, as {@code name old -> new}; empty when none do. */
    public List<String> differencesFrom(Map<String, String> older) {
        List<String> changes = new ArrayList<>();
        fields().forEach((k, v) -> {
            String before = older.get(k);
            if (!v.equals(before)) {
                changes.add(k + " " + (before == null ? "(none)" : before) + " -> " + v);
            }
        });
        return changes;
    }

    /** Hash of the calibration images' names and hashes, for {@link #calibrationSha256}. */
    public static String calibrationDigest(Map<String, String> imageHashes) {
        StringBuilder text = new StringBuilder();
        imageHashes.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> text.append(e.getKey()).append(' ').append(e.getValue()).append('\n'));
        return Sha256.hex(text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
