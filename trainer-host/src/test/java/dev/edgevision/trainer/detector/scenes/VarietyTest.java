package dev.edgevision.trainer.detector.scenes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.trainer.detector.labels.LabelledBox;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The next run's generator variety: off by default, deterministic, boxes on ink, negatives clear of digits. */
class VarietyTest {
    private static final SceneSettings SCENES = SceneSettings.digits().withSize(320, 240);

    @Test
    void noVarietyRendersExactlyWhatTheGeneratorAlwaysRendered() {
        DigitSceneGenerator plain = new DigitSceneGenerator(TestDigits.mnistTest(), SCENES);
        DigitSceneGenerator none = new DigitSceneGenerator(TestDigits.mnistTest(), SCENES, Variety.none());
        for (long seed = 0; seed < 3; seed++) {
            Scene a = plain.render(seed, new Frame());
            Scene b = none.render(seed, new Frame());
            assertArrayEquals(a.frame().data(), b.frame().data());
            assertEquals(a.boxes(), b.boxes());
        }
    }

    @Test
    void nextRunScenesAreDeterministicAndDifferFromThePlainOnes() {
        DigitSceneGenerator next = new DigitSceneGenerator(TestDigits.mnistTest(), SCENES, Variety.nextRun());
        DigitSceneGenerator plain = new DigitSceneGenerator(TestDigits.mnistTest(), SCENES);
        int boxes = 0;
        for (long seed = 0; seed < 20; seed++) {
            Scene a = next.render(seed, new Frame());
            byte[] first = a.frame().data().clone();
            assertTrue(Arrays.equals(first, next.render(seed, new Frame()).frame().data()));
            assertFalse(Arrays.equals(first, plain.render(seed, new Frame()).frame().data()));
            for (LabelledBox b : a.boxes()) {
                assertTrue(b.x1() >= 0 && b.y1() >= 0 && b.x2() <= 320 && b.y2() <= 240, b.toString());
            }
            boxes += a.boxes().size();
        }
        assertTrue(boxes > 40, boxes + " digits in 20 scenes");
    }

    @Test
    void bitmapGlyphsHaveBoxesOnTheirHalfCoveredPixels() {
        DigitRaster raster = new DigitRaster();
        GlyphBank bank = new GlyphBank(TestDigits.bar());
        assertTrue(raster.drawBitmap(bank, 0, 60, 0, 0, 0));
        int h = raster.boxBottom() - raster.boxTop() + 1;
        assertTrue(Math.abs(h - 60) <= 3, "ink about 60 px tall, box " + h);
        for (int y = 0; y < raster.height(); y++) {
            for (int x = 0; x < raster.width(); x++) {
                boolean inside = x >= raster.boxLeft() && x <= raster.boxRight() && y >= raster.boxTop()
                        && y <= raster.boxBottom();
                assertTrue(inside || raster.coverage(x, y) < 0.5f, "half-covered pixel outside the box at " + x + "," + y);
            }
        }
    }

    @Test
    void hardNegativesKeepClearOfTheDigitsAndCoverEveryKind() {
        HardNegatives negatives = new HardNegatives();
        SplittableRandom random = new SplittableRandom(5);
        for (int kind = 0; kind < HardNegatives.KINDS; kind++) {
            int n = negatives.shape(kind, 40, 100, 100, 0.1, random);
            assertTrue(n >= 2 && n % 2 == 0, "kind " + kind + ": " + n + " coordinates");
            for (int i = 0; i < n; i += 2) {
                assertTrue(Math.hypot(negatives.points()[i] - 100, negatives.points()[i + 1] - 100) < 200,
                        "kind " + kind + " stays near its place");
            }
        }
    }

    @Test
    void digitRunsWriteNumbersAsTouchingDigitsEachInItsOwnBox() {
        Variety runs = new Variety(0, 0, 0, 0, 0, 0, 1, 0, 0);
        DigitSceneGenerator withRuns = new DigitSceneGenerator(TestDigits.mnistTest(), SCENES, runs);
        DigitSceneGenerator without = new DigitSceneGenerator(TestDigits.mnistTest(), SCENES);
        int touchingWith = 0;
        int touchingWithout = 0;
        for (long seed = 0; seed < 30; seed++) {
            Scene a = withRuns.render(seed, new Frame());
            for (LabelledBox b : a.boxes()) {
                assertTrue(b.x1() >= 0 && b.y1() >= 0 && b.x2() <= 320 && b.y2() <= 240, b.toString());
            }
            touchingWith += touchingPairs(a.boxes());
            touchingWithout += touchingPairs(without.render(seed, new Frame()).boxes());
        }
        assertTrue(touchingWith >= 15 && touchingWith > 3 * touchingWithout,
                touchingWith + " side-by-side pairs with runs, " + touchingWithout + " without");
    }

    /** Pairs of boxes side by side on one line: at most 10 % of the narrower width apart, or into each other. */
    private static int touchingPairs(List<LabelledBox> boxes) {
        int pairs = 0;
        for (LabelledBox a : boxes) {
            for (LabelledBox b : boxes) {
                double gap = b.x1() - a.x2();
                double sharedHeight = Math.min(a.y2(), b.y2()) - Math.max(a.y1(), b.y1());
                if (a != b && a.x1() < b.x1() && gap <= 0.1 * Math.min(a.width(), b.width())
                        && gap >= -0.3 * Math.min(a.width(), b.width())
                        && sharedHeight > 0.6 * Math.min(a.height(), b.height())) {
                    pairs++;
                }
            }
        }
        return pairs;
    }

    @Test
    void everyLetterOfAWordHasStrokesAndWordsKeepClearOfTheDigits() {
        for (char c : (HandWords.LOWER + HandWords.UPPER + HandWords.LOOKALIKE).toCharArray()) {
            HandWords.Letter letter = HandWords.letters().get(c);
            assertTrue(letter != null && letter.strokes().length > 0 && letter.advance() > 0, "letter " + c);
            for (double[] s : letter.strokes()) {
                assertTrue(s.length >= 2 && s.length % 2 == 0, "letter " + c);
            }
        }
        Canvas canvas = new Canvas();
        canvas.reshape(320, 240);
        canvas.fill(new Colour(1, 1, 1));
        LabelledBox digit = new LabelledBox("3", 120, 80, 200, 160);
        new HandWords().draw(canvas, new Pen(), new EdgeProfile(), new SplittableRandom(3), 40, 0.5, List.of(digit));
        float[] red = canvas.plane(0);
        float[] green = canvas.plane(1);
        float[] blue = canvas.plane(2);
        int inked = 0;
        for (int y = 0; y < 240; y++) {
            for (int x = 0; x < 320; x++) {
                boolean inside = x >= digit.x1() && x < digit.x2() && y >= digit.y1() && y < digit.y2();
                int i = y * 320 + x;
                if (Math.min(red[i], Math.min(green[i], blue[i])) < 0.99f) {
                    assertFalse(inside, "a word inked the digit's box at " + x + "," + y);
                    inked++;
                }
            }
        }
        assertTrue(inked > 500, inked + " pixels of words");
    }

    @Test
    void lookalikeWordsAreOneToFourOfTheLettersMostLikeDigits() {
        SplittableRandom random = new SplittableRandom(11);
        int longest = 0;
        for (int i = 0; i < 500; i++) {
            String word = HandWords.lookalikeWord(random);
            assertTrue(word.length() >= 1 && word.length() <= 4, word);
            for (char c : word.toCharArray()) {
                assertTrue(HandWords.LOOKALIKE.indexOf(c) >= 0, "'" + c + "' of " + word);
            }
            longest = Math.max(longest, word.length());
        }
        assertEquals(4, longest);
    }

    @Test
    void badValuesAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Variety(1.5, 0.015, 0.7, 0.4, 0, 6, 0, 0, 0));
        assertTrue(e.getMessage().contains("bitmapGlyphs"), e.getMessage());
    }
}
