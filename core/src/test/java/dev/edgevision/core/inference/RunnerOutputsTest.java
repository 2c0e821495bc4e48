package dev.edgevision.core.inference;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Output arrays sized once for the largest batch, found by name; the batch check every runner makes. */
class RunnerOutputsTest {
    @Test
    void eachOutputHasRoomForTheLargestBatch() {
        RunnerOutputs outputs = new RunnerOutputs(List.of("boxes", "scores"), new int[] {40, 30}, 4);
        assertEquals(2, outputs.count());
        assertEquals(160, outputs.array(0).length);
        assertEquals(120, outputs.array(1).length);
        assertEquals(30, outputs.sampleSize(1));
        assertEquals(List.of("boxes", "scores"), outputs.names());
    }

    @Test
    void anOutputIsFoundByNameAndIsTheSameArrayEveryTime() {
        RunnerOutputs outputs = new RunnerOutputs(List.of("boxes", "scores"), new int[] {40, 30}, 4);
        assertSame(outputs.array(1), outputs.output("scores"));
        assertSame(outputs.output("scores"), outputs.output("scores"));
    }

    @Test
    void anUnknownOutputNamesTheOnesThereAre() {
        RunnerOutputs outputs = new RunnerOutputs(List.of("boxes", "scores"), new int[] {40, 30}, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> outputs.output("logits"));
        assertEquals("the model has no output 'logits'; it has [boxes, scores]", e.getMessage());
    }

    @Test
    void namesAndSizesMustPair() {
        assertThrows(IllegalArgumentException.class, () -> new RunnerOutputs(List.of("a", "b"), new int[] {1}, 1));
    }

    @Test
    void batchesOutsideOneToMaxAreRefused() {
        assertDoesNotThrow(() -> ModelRunner.checkBatch(1, 8));
        assertDoesNotThrow(() -> ModelRunner.checkBatch(8, 8));
        assertEquals("batch 9 is outside 1..8",
                assertThrows(IllegalArgumentException.class, () -> ModelRunner.checkBatch(9, 8)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ModelRunner.checkBatch(0, 8));
    }
}
