package dev.edgevision.core.swap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HandoverTest {
    @Test
    void theLatestOfferIsTakenOnceAndAReplacedOneIsDiscarded() {
        List<String> discarded = new ArrayList<>();
        Handover<String> handover = new Handover<>(discarded::add);
        assertNull(handover.take());
        handover.offer("v2");
        handover.offer("v3");
        assertEquals(List.of("v2"), discarded, "v2 was never taken: it is released");
        assertTrue(handover.pending());
        assertEquals("v3", handover.take());
        assertNull(handover.take(), "taken once");
        assertFalse(handover.pending());
    }

    @Test
    void closingDiscardsWhatWaitsAndEverythingOfferedLater() {
        List<String> discarded = new ArrayList<>();
        Handover<String> handover = new Handover<>(discarded::add);
        handover.offer("waiting");
        handover.close();
        handover.offer("late");
        assertEquals(List.of("waiting", "late"), discarded);
        assertNull(handover.take());
    }

    @Test
    void everyValueOfferedFromManyThreadsIsEitherTakenOrDiscardedExactlyOnce() throws Exception {
        AtomicInteger discarded = new AtomicInteger();
        Handover<Integer> handover = new Handover<>(v -> discarded.incrementAndGet());
        int threads = 4;
        int each = 5_000;
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            int base = t * each;
            new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    handover.offer(base + i);
                }
                done.countDown();
            }).start();
        }
        int taken = 0;
        while (done.getCount() > 0) {
            if (handover.take() != null) {
                taken++;
            }
        }
        if (handover.take() != null) {
            taken++;
        }
        assertEquals(threads * each, taken + discarded.get());
    }
}
