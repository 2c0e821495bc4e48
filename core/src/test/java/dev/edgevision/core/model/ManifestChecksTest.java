package dev.edgevision.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.detect.BoundingBox;
import dev.edgevision.core.detect.Detection;
import dev.edgevision.core.detect.DetectionJson;
import dev.edgevision.core.detect.DetectionRecord;
import dev.edgevision.core.detect.ModelIdentity;
import dev.edgevision.core.detect.StageTimings;
import dev.edgevision.core.testing.TestBundles;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Manifests with numbers a device cannot live with are refused at load, by field, with what was expected. */
@Tag("bad-input")
class ManifestChecksTest {
    static ModelManifest with(List<Integer> inputShape, List<Double> std, List<Double> mean, List<OutputSpec> outputs,
            List<String> labels) {
        ModelManifest m = TestBundles.digitManifest();
        InputSpec i = m.input();
        InputSpec input = new InputSpec(i.name(), inputShape, i.layout(), i.dtype(), i.colour(), i.valueRange(), mean,
                std, i.polarity(), i.resize());
        return new ModelManifest(m.formatVersion(), m.name(), m.version(), m.task(), m.description(), m.created(),
                m.producer(), m.modelFile(), input, outputs, m.decoder(), labels, m.metrics(), Map.of("model.onnx",
                        new FileEntry("0".repeat(64), 1)));
    }

    static String problems(ModelManifest m) {
        return String.join("; ", m.problems());
    }

    static final List<OutputSpec> TEN = List.of(new OutputSpec("probabilities", List.of(-1, 10)));

    @Test
    void theTestManifestIsFine() {
        assertEquals("", problems(with(List.of(-1, 1, 28, 28), List.of(1.0), List.of(0.0), TEN, TestBundles.DIGITS)));
    }

    @Test
    void absurdInputShapesAreRefusedByField() {
        String huge = problems(with(List.of(-1, 1, 100000, 100000), List.of(1.0), List.of(0.0), TEN, TestBundles.DIGITS));
        assertTrue(huge.contains("input.shape") && huge.contains("100000 x 100000") && huge.contains("8192"), huge);
        String negative = problems(with(List.of(-7, 1, 28, 28), List.of(1.0), List.of(0.0), TEN, TestBundles.DIGITS));
        assertTrue(negative.contains("batch -7"), negative);
        String channels = problems(with(List.of(-1, 4096, 28, 28), List.of(1.0), List.of(0.0), TEN, TestBundles.DIGITS));
        assertTrue(channels.contains("4096 channels"), channels);
    }

    @Test
    void absurdOutputShapesAreRefusedByField() {
        String huge = problems(with(List.of(-1, 1, 28, 28), List.of(1.0), List.of(0.0),
                List.of(new OutputSpec("probabilities", List.of(-1, 2_000_000_000, 100))), TestBundles.DIGITS));
        assertTrue(huge.contains("outputs[0] 'probabilities'.shape") && huge.contains("more than"), huge);
        String negative = problems(with(List.of(-1, 1, 28, 28), List.of(1.0), List.of(0.0),
                List.of(new OutputSpec("probabilities", List.of(-1, -10))), TestBundles.DIGITS));
        assertTrue(negative.contains("dimension -10"), negative);
    }

    @Test
    void theLabelCountMustMatchTheClassOutput() {
        String one = problems(with(List.of(-1, 1, 28, 28), List.of(1.0), List.of(0.0), TEN, List.of("digit")));
        assertTrue(one.contains("labels has 1 entries but output 'probabilities' has 10 classes"), one);
    }

    @Test
    void tinyOrNonFiniteNormalisationIsRefused() {
        String tiny = problems(with(List.of(-1, 1, 28, 28), List.of(1e-30), List.of(0.0), TEN, TestBundles.DIGITS));
        assertTrue(tiny.contains("input.std[0] is 1.0E-30") && tiny.contains("NaN"), tiny);
        String nan = problems(with(List.of(-1, 1, 28, 28), List.of(1.0), List.of(Double.NaN), TEN, TestBundles.DIGITS));
        assertTrue(nan.contains("input.mean[0] is NaN"), nan);
    }

    @Test
    void aRecordNeverCarriesANonFiniteNumber() {
        DetectionRecord record = new DetectionRecord(DetectionRecord.SCHEMA, "d", "c", "synthetic://digits", 1,
                "2026-12-03T00:00:00Z", 28, 28, new ModelIdentity("digits", "3", "abc"), "onnxruntime-cpu",
                new StageTimings(1, Double.NaN, 2, 3, Double.POSITIVE_INFINITY),
                List.of(new Detection("7", 7, Double.NaN, new BoundingBox(0, 0, 28, 28)),
                        new Detection("1", 1, 0.9, new BoundingBox(0, Double.NaN, 28, 28)),
                        new Detection("2", 2, 0.8, new BoundingBox(1, 2, 3, 4))));
        String json = DetectionJson.write(record);
        assertFalse(json.contains("NaN") || json.contains("Infinity"), json);
        assertTrue(json.contains("\"label\":\"2\"") && !json.contains("\"label\":\"7\""), json);
    }
}
