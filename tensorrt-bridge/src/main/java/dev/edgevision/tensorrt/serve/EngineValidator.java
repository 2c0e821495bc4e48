package dev.edgevision.tensorrt.serve;

import dev.edgevision.core.detect.DetectorException;
import dev.edgevision.core.inference.ModelRunner;
import dev.edgevision.core.model.BundleSamples;
import dev.edgevision.core.model.ModelManifest;
import dev.edgevision.core.model.OutputSpec;
import dev.edgevision.core.model.Task;
import dev.edgevision.tensorrt.build.Precision;
import java.util.List;

/**
 * Checks a new engine against ONNX Runtime before it is used: both run the same reference inputs,
 * every value of every output must lie within the precision's tolerance
 * ({@link Precision#tolerance()}: {@code |engine - ort| <= tol * max(1, |ort|)}), and for
 * classifiers the top class must agree on at least {@link Precision#minTop1Agreement()} of the
 * samples. FP32 1e-3 and all top-1, FP16 1e-2 and all top-1, INT8 5e-2 and 95 % top-1.
 */
public final class EngineValidator {
    private EngineValidator() {
    }

    /** Runs {@code inputs} ({@code samples} of them) through both runners and compares. */
    public static ValidationReport validate(ModelRunner engine, ModelRunner reference, float[] inputs, int samples,
            ModelManifest manifest, Precision precision) throws DetectorException {
        if (samples < 1) {
            throw new IllegalArgumentException("validation needs at least one reference sample");
        }
        int sampleSize = inputs.length / samples;
        int chunk = Math.min(engine.maxBatch(), reference.maxBatch());
        List<String> outputs = manifest.outputs().stream().map(OutputSpec::name).toList();
        int[] perSamples = new int[outputs.size()];
        for (int k = 0; k < perSamples.length; k++) {
            perSamples[k] = BundleSamples.outputSampleSize(manifest, k);
        }
        String decoded = manifest.decoder().output();
        int classes = manifest.task() == Task.CLASSIFICATION ? manifest.labels().size() : 0;
        double worst = 0;
        String worstAt = "-";
        int agree = 0;
        for (int start = 0; start < samples; start += chunk) {
            int batch = Math.min(chunk, samples - start);
            System.arraycopy(inputs, start * sampleSize, engine.input(), 0, batch * sampleSize);
            System.arraycopy(inputs, start * sampleSize, reference.input(), 0, batch * sampleSize);
            engine.run(batch);
            reference.run(batch);
            for (int k = 0; k < outputs.size(); k++) {
                String name = outputs.get(k);
                float[] got = engine.output(name);
                float[] want = reference.output(name);
                int perSample = perSamples[k];
                for (int i = 0; i < batch * perSample; i++) {
                    double error = Math.abs(got[i] - want[i]) / Math.max(1.0, Math.abs(want[i]));
                    if (!(error <= worst)) {
                        worst = Double.isNaN(error) ? Double.POSITIVE_INFINITY : error;
                        worstAt = name + "[sample " + (start + i / perSample) + ", index " + i % perSample + "]";
                    }
                }
                if (name.equals(decoded) && classes > 0) {
                    for (int s = 0; s < batch; s++) {
                        agree += argmax(got, s * perSample, classes) == argmax(want, s * perSample, classes) ? 1 : 0;
                    }
                }
            }
        }
        double top1 = classes > 0 ? (double) agree / samples : 1.0;
        boolean withinTolerance = worst <= precision.tolerance();
        boolean agreeing = top1 >= precision.minTop1Agreement();
        String figures = String.format("%d reference samples, largest difference %.2g at %s (tolerance %.0g), top-1"
                + " agreement %.1f %% (needed %.0f %%)", samples, worst, worstAt, precision.tolerance(), 100 * top1,
                100 * precision.minTop1Agreement());
        String reason = withinTolerance && agreeing ? "matches ONNX Runtime: " + figures
                : "differs from ONNX Runtime beyond the " + precision.wireName() + " tolerance: " + figures;
        return new ValidationReport(withinTolerance && agreeing, samples, worst, worstAt, top1, reason);
    }

    private static int argmax(float[] values, int offset, int count) {
        int best = 0;
        for (int i = 1; i < count; i++) {
            if (values[offset + i] > values[offset + best]) {
                best = i;
            }
        }
        return best;
    }
}
