package dev.edgevision.camera.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.camera.FrameSources;
import dev.edgevision.core.frame.CaptureStatus;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.FrameSource;
import dev.edgevision.core.frame.PixelFormat;
import dev.edgevision.core.frame.SourceState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticSourceTest {
    @Test
    void unpacedDeliversEveryFrameAsSceneNumberSequenceThenEnds() {
        String uri = "synthetic://digits?fps=0&frames=4&width=160&height=120&size=30..50&seed=5&format=gray";
        try (FrameSource source = FrameSources.open(uri)) {
            SyntheticSource synthetic = assertInstanceOf(SyntheticSource.class, source);
            SyntheticScene reference = SyntheticScene.fromUri(uri);
            Frame frame = new Frame();
            Frame expected = new Frame();
            for (long sequence = 1; sequence <= 4; sequence++) {
                assertEquals(CaptureStatus.OK, source.grab(frame, Duration.ofSeconds(2)));
                assertEquals(sequence, frame.sequence());
                assertEquals(PixelFormat.GRAY8, frame.format());
                assertEquals(reference.render(sequence, expected), synthetic.truth(sequence));
                assertArrayEquals(expected.pixels(), frame.pixels());
            }
            assertEquals(CaptureStatus.END_OF_STREAM, source.grab(frame, Duration.ofSeconds(2)));
            assertEquals(SourceState.ENDED, source.status().state());
            assertEquals(0, source.status().dropped());
        }
    }

    @Test
    void pacedDropsForASlowConsumerAndTruthStillMatchesEachFrame() throws Exception {
        try (SyntheticSource source = (SyntheticSource) FrameSources.open(
                "synthetic://digits?fps=60&width=160&height=120&size=30..50&seed=2")) {
            Frame frame = new Frame();
            Frame expected = new Frame();
            List<Long> sequences = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Thread.sleep(80);
                assertEquals(CaptureStatus.OK, source.grab(frame, Duration.ofSeconds(2)));
                sequences.add(frame.sequence());
                source.scene().render(frame.sequence(), expected);
                assertArrayEquals(expected.pixels(), frame.pixels(), "frame " + frame.sequence() + " shows scene " + frame.sequence());
            }
            assertTrue(sequences.get(3) - sequences.get(0) >= 6, "about 5 frames pass per grab: " + sequences);
            assertTrue(source.status().dropped() >= 6, source.status().toString());
        }
    }

    @Test
    void missingGlyphsSayWhereTheyWereLookedForAndHowToPointElsewhere() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FrameSources.open("synthetic://digits?data=/nonexistent/mnist"));
        assertTrue(e.getMessage().contains("/nonexistent/mnist") && e.getMessage().contains("data="), e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FrameSources.open("synthetic://faces"))
                .getMessage().contains("knows only the scene 'digits'"));
    }
}
