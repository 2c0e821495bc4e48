package dev.edgevision.trainer.testsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.idx.DigitSet;
import dev.edgevision.core.idx.IdxFolder;
import dev.edgevision.trainer.detector.labels.LabelledBox;
import dev.edgevision.trainer.detector.scenes.Scene;
import dev.edgevision.trainer.detector.scenes.sets.SceneSource;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The independent test renderers: held-out digits only, boxes on ink, non-digit marks recorded apart from them. */
class TestRenderersTest {
    private static final DigitSet TEST = read();

    private static DigitSet read() {
        try {
            return IdxFolder.scan(Path.of("..", "datasets", "mnist-9k")).test().orElseThrow().read();
        } catch (Exception e) {
            throw new AssertionError("needs datasets/mnist-9k with its test split", e);
        }
    }

    @Test
    void pastedFramesHoldOnlyTheGivenDigitsWithBoxesClearOfTheMarks() {
        Stats stats = render(new PastedScenes(TEST, 640, 480, 11), 40);
        assertTrue(stats.digits > 60, stats.digits + " digits");
        assertTrue(stats.emptyFrames > 0 && stats.emptyFrames < 20, stats.emptyFrames + " frames without digits");
        assertEquals(Set.of("circle", "line"), stats.kinds);
    }

    @Test
    void notesPagesHaveLettersBoxesAndPagesWithoutDigits() {
        Stats stats = render(new NotesScenes(TEST, 640, 480, 12), 40);
        assertTrue(stats.digits > 100, stats.digits + " digits");
        assertTrue(stats.emptyFrames > 0, "some pages hold no digit");
        assertTrue(stats.kinds.containsAll(List.of("letter-O", "letter-o", "letter-I", "letter-l", "letter-S",
                "letter-B", "letter-Z", "letter-g", "letter-q", "checkbox", "bullet", "underline", "crossing-out")),
                stats.kinds.toString());
    }

    @Test
    void aSetOfOneDigitClassGivesOnlyThatLabel() {
        int[] sevens = java.util.stream.IntStream.range(0, TEST.size()).filter(i -> TEST.label(i) == 7).toArray();
        DigitSet only = TEST.subset(sevens, "sevens");
        for (SceneSource source : List.of(new PastedScenes(only, 320, 240, 1), new NotesScenes(only, 320, 240, 1))) {
            for (int i = 0; i < 10; i++) {
                source.render(i, new Frame()).boxes().forEach(b -> assertEquals("7", b.label()));
            }
        }
    }

    @Test
    void theSameIndexRendersTheSamePixels() {
        for (SceneSource source : List.of(new PastedScenes(TEST, 320, 240, 4), new NotesScenes(TEST, 320, 240, 4))) {
            byte[] first = source.render(3, new Frame()).frame().data().clone();
            source.render(8, new Frame());
            assertTrue(Arrays.equals(first, source.render(3, new Frame()).frame().data()), source.description());
        }
    }

    private static final class Stats {
        int digits;
        int emptyFrames;
        final Set<String> kinds = new HashSet<>();
    }

    private static Stats render(SceneSource source, int frames) {
        Stats stats = new Stats();
        Frame frame = new Frame();
        for (int i = 0; i < frames; i++) {
            Scene scene = source.render(i, frame);
            stats.digits += scene.boxes().size();
            stats.emptyFrames += scene.boxes().isEmpty() ? 1 : 0;
            for (LabelledBox b : scene.boxes()) {
                assertTrue(b.x1() >= 0 && b.y1() >= 0 && b.x2() <= frame.width() && b.y2() <= frame.height(), b.toString());
                assertTrue(b.width() >= 3 && b.height() >= 10, "box on visible ink: " + b);
                assertTrue(darkest(frame, b) < 150, "ink inside " + b);
                for (LabelledBox m : source.lastMarks()) {
                    assertFalse(m.x1() < b.x2() && b.x1() < m.x2() && m.y1() < b.y2() && b.y1() < m.y2(),
                            "mark " + m + " overlaps digit " + b);
                }
            }
            source.lastMarks().forEach(m -> stats.kinds.add(m.label()));
        }
        return stats;
    }

    private static int darkest(Frame frame, LabelledBox b) {
        int min = 255;
        byte[] px = frame.data();
        for (int y = (int) b.y1(); y < (int) b.y2(); y++) {
            for (int x = (int) b.x1(); x < (int) b.x2(); x++) {
                int i = (y * frame.width() + x) * 3;
                min = Math.min(min, ((px[i] & 0xFF) + (px[i + 1] & 0xFF) + (px[i + 2] & 0xFF)) / 3);
            }
        }
        return min;
    }
}
