package dev.edgevision.device.update.hawkbit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.edgevision.core.detect.ModelIdentity;
import dev.edgevision.device.update.JobState;
import dev.edgevision.device.update.JobStatus;
import dev.edgevision.device.update.JobStep;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The DDI fields as the documentation names them: feedback bodies, the polling interval, artifact choice. */
class DdiWireFormatTest {
    @Test
    void feedbackCarriesExecutionResultProgressAndDetails() {
        JsonNode body = Feedback.proceeding(List.of("in_progress: downloading 25 %"), 1, 6).json();
        assertEquals("proceeding", body.path("status").path("execution").asText());
        assertEquals("none", body.path("status").path("result").path("finished").asText());
        assertEquals(1, body.path("status").path("result").path("progress").path("cnt").asInt());
        assertEquals(6, body.path("status").path("result").path("progress").path("of").asInt());
        assertEquals("in_progress: downloading 25 %", body.path("status").path("details").get(0).asText());
        assertTrue(body.path("timestamp").asLong() > 0);
        JsonNode closed = Feedback.closed(false, List.of("x".repeat(2000))).json();
        assertEquals("closed", closed.path("status").path("execution").asText());
        assertEquals("failure", closed.path("status").path("result").path("finished").asText());
        assertTrue(closed.path("status").path("result").path("progress").isMissingNode());
        assertEquals(Feedback.MAX_DETAIL, closed.path("status").path("details").get(0).asText().length(),
                "a detail fits hawkBit's 512 characters");
    }

    @Test
    void pollingSleepIsHoursMinutesSeconds() {
        assertEquals(Duration.ofHours(12), DdiClient.sleep("12:00:00"));
        assertEquals(Duration.ofMinutes(5).plusSeconds(3), DdiClient.sleep("00:05:03"));
        assertNull(DdiClient.sleep("soon"));
        assertNull(DdiClient.sleep(null));
    }

    @Test
    void theBundleIsTheOneVbundleArtifactWithItsSha256() {
        Deployment.File readme = new Deployment.File("c", "README.txt", "a".repeat(64), 10, URI.create("https://h/r"),
                null);
        Deployment.File bundle = new Deployment.File("c", "digit-detector.vbundle", "b".repeat(64), 99,
                URI.create("https://h/b"), URI.create("http://h/b"));
        Deployment d = new Deployment("7", "forced", "forced", null, List.of(readme, bundle));
        assertEquals(bundle, d.bundle());
        assertEquals(URI.create("http://h/b"), bundle.link("http"));
        assertEquals(URI.create("https://h/b"), bundle.link("https"));
        Deployment two = new Deployment("8", "forced", "forced", null, List.of(readme, readme));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, two::bundle);
        assertTrue(e.getMessage().contains("*.vbundle"), e.getMessage());
        Deployment noHash = new Deployment("9", "forced", "forced", null, List.of(new Deployment.File("c", "m.vbundle",
                null, 99, URI.create("https://h/b"), null)));
        assertTrue(assertThrows(IllegalArgumentException.class, noHash::bundle).getMessage().contains("sha256"));
        assertTrue(new Deployment("10", "attempt", "skip", null, List.of(bundle)).waiting());
        assertTrue(new Deployment("11", "forced", "forced", "unavailable", List.of(bundle)).waiting());
    }

    @Test
    void detailsSayStateStepReasonAndResume() {
        JobStatus failed = new JobStatus("hawkbit-3", "hawkbit", JobState.FAILED, JobStep.PROBATION, 0, 0,
                "probation_failed", "the new model failed 40 of 40 frames", null, true);
        assertEquals("failed at probation [probation_failed]: the new model failed 40 of 40 frames (resumed after a"
                + " restart)", ActionReports.detail(failed));
        JobStatus ok = new JobStatus("hawkbit-3", "hawkbit", JobState.SUCCEEDED, JobStep.PROBATION, 0, 0, null,
                "m 2 serves", new ModelIdentity("m", "2", "c".repeat(64)), false);
        assertEquals("succeeded at probation: m 2 serves (sha256 " + "c".repeat(64) + ")", ActionReports.detail(ok));
    }
}
