package dev.edgevision.device.bench;

import dev.edgevision.core.detect.DetectionRecord;
import dev.edgevision.core.detect.StageTimings;
import dev.edgevision.device.service.ApplianceListener;

/** Adds up the time each stage of the benchmark's records took. */
public final class StageTotals implements ApplianceListener {
    private double capture;
    private double preprocess;
    private double inference;
    private double postprocess;
    private double total;
    private long records;
    private long detections;

    @Override
    public void onRecord(String camera, DetectionRecord record) {
        StageTimings t = record.latencyMs();
        synchronized (this) {
            capture += t.capture();
            preprocess += t.preprocess();
            inference += t.inference();
            postprocess += t.postprocess();
            total += t.total();
            records++;
            detections += record.detections().size();
        }
    }

    /** Share of the glass-to-publish time per stage, as text; the rest is record building and publishing. */
    synchronized String shares() {
        double rest = Math.max(0, total - capture - preprocess - inference - postprocess);
        return String.format("capture %.0f %%, preprocess %.0f %%, inference %.0f %%, postprocess %.0f %%,"
                + " record and publish %.0f %%", pct(capture), pct(preprocess), pct(inference), pct(postprocess),
                pct(rest));
    }

    synchronized double meanInferenceMs() {
        return records == 0 ? Double.NaN : inference / records;
    }

    synchronized double meanPreprocessMs() {
        return records == 0 ? Double.NaN : preprocess / records;
    }

    synchronized double meanDetections() {
        return records == 0 ? Double.NaN : (double) detections / records;
    }

    private double pct(double part) {
        return total == 0 ? 0 : 100 * part / total;
    }
}
