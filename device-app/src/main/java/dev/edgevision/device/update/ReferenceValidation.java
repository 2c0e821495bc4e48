package dev.edgevision.device.update;

import dev.edgevision.core.detect.DetectorException;
import dev.edgevision.core.inference.ModelRunner;
import dev.edgevision.core.model.BundleException;
import dev.edgevision.core.model.BundleSamples;
import dev.edgevision.core.model.ModelBundle;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Checks a prepared model before it serves: the bundle's reference inputs, run on the backend that
 * will serve them, give the bundle's reference outputs within {@value #TOLERANCE} (relative to
 * {@code max(1, |reference|)}); a bundle without references must at least give finite outputs for a
 * blank input. The median of {@value #RUNS} single-sample runs must be within the latency budget.
 */
final class ReferenceValidation {
    static final double TOLERANCE = 1e-2;
    static final int RUNS = 20;

    private ReferenceValidation() {
    }

    /** Returns the figures as a sentence when the model passes; throws failed with them when it does not. */
    static String check(ModelBundle bundle, ModelRunner runner, Duration budget) throws UpdateException {
        try {
            int sample = BundleSamples.inputSampleSize(bundle.manifest());
            Optional<float[]> inputs = BundleSamples.referenceInput(bundle);
            String outputs = inputs.isPresent() ? compare(bundle, runner, inputs.get(), sample)
                    : finite(bundle, runner, sample);
            double median = medianMillis(runner, sample);
            String figures = String.format("%s; inference %.1f ms (median of %d, budget %d ms)", outputs, median, RUNS,
                    budget.toMillis());
            if (median > budget.toMillis()) {
                throw UpdateException.failed("too_slow", "the new model is too slow on this device: " + figures);
            }
            return figures;
        } catch (BundleException | DetectorException e) {
            throw UpdateException.failed("validation_failed", "the new model could not be run on its reference"
                    + " inputs: " + e.getMessage());
        }
    }

    private static String compare(ModelBundle bundle, ModelRunner runner, float[] inputs, int sample)
            throws BundleException, DetectorException, UpdateException {
        int samples = inputs.length / sample;
        double worst = 0;
        int outputs = bundle.manifest().outputs().size();
        java.util.List<Optional<float[]>> wants = new java.util.ArrayList<>();
        for (int k = 0; k < outputs; k++) {
            wants.add(BundleSamples.referenceOutput(bundle, k));
        }
        for (int s = 0; s < samples; s++) {
            System.arraycopy(inputs, s * sample, runner.input(), 0, sample);
            runner.run(1);
            for (int k = 0; k < outputs; k++) {
                Optional<float[]> want = wants.get(k);
                if (want.isEmpty() || want.get().length < (s + 1) * BundleSamples.outputSampleSize(bundle.manifest(), k)) {
                    continue;
                }
                int per = BundleSamples.outputSampleSize(bundle.manifest(), k);
                float[] got = runner.output(bundle.manifest().outputs().get(k).name());
                for (int i = 0; i < per; i++) {
                    float w = want.get()[s * per + i];
                    double error = Math.abs(got[i] - w) / Math.max(1.0, Math.abs(w));
                    if (!(error <= TOLERANCE)) {
                        throw UpdateException.failed("validation_failed", String.format("output %s of reference"
                                + " sample %d differs at index %d: %.4g, the bundle says %.4g (tolerance %.0g)",
                                bundle.manifest().outputs().get(k).name(), s, i, got[i], w, TOLERANCE));
                    }
                    worst = Math.max(worst, error);
                }
            }
        }
        return String.format("%d reference samples match (largest difference %.2g)", samples, worst);
    }

    private static String finite(ModelBundle bundle, ModelRunner runner, int sample) throws DetectorException,
            UpdateException {
        Arrays.fill(runner.input(), 0, sample, 0.5f);
        runner.run(1);
        for (var output : bundle.manifest().outputs()) {
            for (float v : runner.output(output.name())) {
                if (!Float.isFinite(v)) {
                    throw UpdateException.failed("validation_failed", "output " + output.name()
                            + " is not finite for a plain grey input");
                }
            }
        }
        return "no reference samples in the bundle; outputs finite for a plain input";
    }

    private static double medianMillis(ModelRunner runner, int sample) throws DetectorException {
        long[] times = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            runner.run(1);
            times[i] = System.nanoTime() - t0;
        }
        Arrays.sort(times);
        return times[RUNS / 2] / 1e6;
    }
}
