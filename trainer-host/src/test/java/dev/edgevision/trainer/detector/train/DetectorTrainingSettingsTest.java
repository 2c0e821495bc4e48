package dev.edgevision.trainer.detector.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.edgevision.trainer.detector.net.ClassLoss;
import org.junit.jupiter.api.Test;

/** Settings as checkpoints store them, including checkpoints written before a setting existed. */
class DetectorTrainingSettingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void settingsSurviveTheCheckpointsJson() throws Exception {
        DetectorTrainingSettings s = DetectorTrainingSettings.digits();
        assertEquals(s, JSON.readValue(JSON.writeValueAsString(s), DetectorTrainingSettings.class));
    }

    @Test
    void aCheckpointWithoutAClassLossWasTrainedWithSquaredErrorAndDoesNotResumeUnderTheDefault() throws Exception {
        DetectorTrainingSettings now = DetectorTrainingSettings.digits();
        ObjectNode old = JSON.valueToTree(now);
        old.remove("classLoss");
        DetectorTrainingSettings read = JSON.treeToValue(old, DetectorTrainingSettings.class);
        assertEquals(ClassLoss.SQUARED_ERROR, read.classLoss());
        assertNotEquals(now, read, "a resume compares settings, so the old run is not continued with another loss");
        assertEquals(now.widths(), read.widths());
    }

    @Test
    void labelledImagesTrainWithTheDigitDetectorsClassLoss() {
        assertEquals(DetectorTrainingSettings.digits().classLoss(), DetectorTrainingSettings.labelledImages().classLoss());
        assertEquals("cross-entropy", DetectorTrainingSettings.digits().describe().get("class loss"));
    }
}
