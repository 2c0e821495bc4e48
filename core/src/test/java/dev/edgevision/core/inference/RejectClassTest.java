package dev.edgevision.core.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.detect.Detector;
import dev.edgevision.core.detect.ModelIdentity;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.PixelFormat;
import dev.edgevision.core.model.DecoderSpec;
import dev.edgevision.core.model.InputSpec;
import dev.edgevision.core.model.ModelManifest;
import dev.edgevision.core.model.OutputSpec;
import dev.edgevision.core.model.Polarity;
import dev.edgevision.core.model.Task;
import dev.edgevision.core.testing.ArrayRunner;
import dev.edgevision.core.testing.DetectionManifests;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A classifier's reject class (decoder.parameters.reject_label): declared, checked, never reported. */
class RejectClassTest {
    static final ModelIdentity ID = new ModelIdentity("digits", "2", "0".repeat(64));
    static final List<String> LABELS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "not_digit");

    static ModelManifest digitsWithReject(Object reject) {
        InputSpec input = new InputSpec("input", List.of(-1, 1, 28, 28), "NCHW", "float32", "grayscale",
                List.of(0.0, 1.0), List.of(0.0), List.of(1.0), Polarity.LIGHT_ON_DARK, "mnist");
        Map<String, Object> parameters = new java.util.HashMap<>();
        parameters.put(DecoderSpec.REJECT_LABEL, reject);
        return new ModelManifest(ModelManifest.FORMAT_VERSION, "digits", "2", Task.CLASSIFICATION, "test",
                "2026-12-03T08:00:00Z", "test", "model.onnx", input,
                List.of(new OutputSpec("probabilities", List.of(-1, 11))),
                new DecoderSpec("softmax", "probabilities", parameters), LABELS, Map.of(),
                Map.of("model.onnx", new dev.edgevision.core.model.FileEntry("0".repeat(64), 1)));
    }

    @Test
    void theManifestNamesItsRejectClassAndReportsTheOtherLabels() {
        ModelManifest m = digitsWithReject("not_digit");
        assertEquals(List.of(), m.problems());
        assertEquals(10, m.rejectClass());
        assertEquals(LABELS.subList(0, 10), m.reportedLabels());
        ModelManifest plain = DetectionManifests.single("softmax", List.of(-1, 2), Map.of(), List.of("cat", "dog"), 16,
                16, "stretch");
        assertEquals(-1, plain.rejectClass());
        assertEquals(List.of("cat", "dog"), plain.reportedLabels());
    }

    @Test
    void aRejectLabelThatIsNotALabelIsAProblemNamingIt() {
        List<String> problems = digitsWithReject("nothing").problems();
        assertTrue(problems.stream().anyMatch(p -> p.contains("reject_label nothing is not one of labels")),
                problems.toString());
        assertTrue(digitsWithReject(7).problems().stream().anyMatch(p -> p.contains("reject_label 7")));
    }

    @Test
    void aMarkTheModelRejectsMakesNoDetectionWhileADigitDoes() throws Exception {
        ModelManifest m = digitsWithReject("not_digit");
        Frame page = new Frame();
        byte[] pixels = page.reshape(160, 120, PixelFormat.GRAY8);
        Arrays.fill(pixels, (byte) 230);
        for (int y = 40; y < 80; y++) {
            for (int x = 70; x < 78; x++) {
                pixels[y * 160 + x] = 20; // one dark bar: one mark
            }
        }
        float[] rejected = new float[11];
        rejected[10] = 0.9f;
        rejected[1] = 0.1f;
        float[] one = new float[11];
        one[1] = 0.95f;
        one[10] = 0.05f;
        List<String> seen = new ArrayList<>();
        for (float[] output : List.of(rejected, one)) {
            ArrayRunner runner = new ArrayRunner(28 * 28, "probabilities").set("probabilities", output);
            try (RegionClassifier classifier = new RegionClassifier(runner, m, ID, 0.5)) {
                Detector.Result result = classifier.detect(page);
                assertEquals(1, runner.runs(), "the mark is classified");
                result.detections().forEach(d -> seen.add(d.label()));
                seen.add("|");
            }
        }
        assertEquals(List.of("|", "1", "|"), seen, "the rejected mark is left out, the digit is reported");
    }
}
