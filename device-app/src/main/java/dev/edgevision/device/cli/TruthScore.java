package dev.edgevision.device.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.edgevision.camera.synthetic.GroundTruth;
import dev.edgevision.core.detect.BoundingBox;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Compares the records the demo receives with the synthetic camera's ground truth: a digit counts
 * as found when a detection with its label overlaps its box (IoU at least 0.5).
 */
final class TruthScore {
    private final LongFunction<List<GroundTruth>> truth;
    private long digits;
    private long right;
    private long wrongLabel;
    private long falseDetections;

    TruthScore(LongFunction<List<GroundTruth>> truth) {
        this.truth = truth;
    }

    /** Scores one record; returns the true labels when the frame was not read right, else "". */
    synchronized String score(JsonNode record) {
        List<GroundTruth> expected = truth.apply(record.path("frame").asLong());
        List<JsonNode> unmatched = new ArrayList<>();
        record.path("detections").forEach(unmatched::add);
        boolean perfect = true;
        for (GroundTruth t : expected) {
            digits++;
            JsonNode best = null;
            double bestIou = 0.5;
            for (JsonNode d : unmatched) {
                double iou = box(d).iou(t.box());
                if (iou >= bestIou) {
                    best = d;
                    bestIou = iou;
                }
            }
            if (best == null) {
                perfect = false;
            } else {
                unmatched.remove(best);
                if (best.path("class_id").asInt() == t.label()) {
                    right++;
                } else {
                    wrongLabel++;
                    perfect = false;
                }
            }
        }
        falseDetections += unmatched.size();
        perfect &= unmatched.isEmpty();
        return perfect ? "" : "  [truth: " + String.join(" ", expected.stream().map(t -> "" + t.label()).toList()) + "]";
    }

    private static BoundingBox box(JsonNode d) {
        JsonNode b = d.path("box");
        return new BoundingBox(b.path("x").asDouble(), b.path("y").asDouble(), b.path("w").asDouble(),
                b.path("h").asDouble());
    }

    synchronized String summary() {
        return String.format("%d of %d digits found and named right (%.1f %%), %d with a wrong label, %d missed,"
                + " %d false detections", right, digits, digits == 0 ? 0 : 100.0 * right / digits, wrongLabel,
                digits - right - wrongLabel, falseDetections);
    }
}
