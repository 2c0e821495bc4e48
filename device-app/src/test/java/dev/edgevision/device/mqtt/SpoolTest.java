package dev.edgevision.device.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {
    @TempDir
    Path dir;

    @Test
    void keepsMessagesInOrderUntilRemoved() throws IOException {
        try (Spool spool = Spool.open(dir, 1 << 20, 1000)) {
            for (int i = 0; i < 5; i++) {
                assertTrue(spool.append("t/" + i, 1, i == 0, payload(i)));
            }
            spool.sync();
            assertEquals(5, spool.size());
            SpooledMessage first = spool.next(0);
            assertEquals(0, first.seq());
            assertEquals("t/0", first.topic());
            assertEquals(1, first.qos());
            assertTrue(first.retained());
            assertArrayEquals(payload(0), first.payload());
            spool.remove(1);
            assertEquals(2, spool.next(1).seq());
            assertEquals(0, spool.head());
            spool.remove(0);
            assertEquals(2, spool.head());
            assertEquals(List.of(2L, 3L, 4L), seqs(spool));
        }
    }

    @Test
    void deletesSegmentsOnceAllTheirMessagesAreGone() throws IOException {
        try (Spool spool = Spool.open(dir, 64 * 1024, 1000)) { // segments of 8 KiB
            for (int i = 0; i < 50; i++) {
                spool.append("t", 1, false, new byte[1000]);
            }
            assertEquals(0, spool.dropped());
            assertTrue(segments() >= 5, "segments: " + segments());
            for (long seq = 0; seq < 50; seq++) {
                spool.remove(seq);
            }
            assertEquals(1, segments(), "only the segment being written stays");
            assertEquals(0, spool.bytes());
        }
    }

    @Test
    void survivesAReopenAndContinuesTheSequence() throws IOException {
        try (Spool spool = Spool.open(dir, 1 << 20, 1000)) {
            for (int i = 0; i < 10; i++) {
                spool.append("t", 1, false, payload(i));
            }
            for (long seq = 0; seq < 3; seq++) {
                spool.remove(seq);
            }
        }
        try (Spool spool = Spool.open(dir, 1 << 20, 1000)) {
            assertEquals(7, spool.size());
            assertEquals(3, spool.next(0).seq());
            assertArrayEquals(payload(3), spool.next(0).payload());
            spool.append("t", 1, false, payload(10));
            assertEquals(10, spool.next(10).seq());
        }
    }

    @Test
    void cutsARecordLeftHalfWrittenByACrash() throws IOException {
        try (Spool spool = Spool.open(dir, 1 << 20, 1000)) {
            for (int i = 0; i < 5; i++) {
                spool.append("t", 1, false, payload(i));
            }
        }
        Path segment;
        try (Stream<Path> files = Files.list(dir)) {
            segment = files.filter(p -> p.toString().endsWith(".seg")).findFirst().orElseThrow();
        }
        long intact = Files.size(segment);
        byte[] torn = SpoolSegment.encode(5, "t", 1, false, payload(5)).array();
        Files.write(segment, java.util.Arrays.copyOf(torn, torn.length - 3), StandardOpenOption.APPEND);
        try (Spool spool = Spool.open(dir, 1 << 20, 1000)) {
            assertEquals(List.of(0L, 1L, 2L, 3L, 4L), seqs(spool));
            assertEquals(intact, Files.size(segment));
        }
    }

    @Test
    void dropsTheOldestWhenTheMessageBoundIsReached() throws IOException {
        try (Spool spool = Spool.open(dir, 1 << 20, 5)) {
            for (int i = 0; i < 8; i++) {
                spool.append("t", 1, false, payload(i));
            }
            assertEquals(List.of(3L, 4L, 5L, 6L, 7L), seqs(spool));
            assertEquals(3, spool.dropped());
        }
    }

    @Test
    void dropsTheOldestWhenTheByteBoundIsReached() throws IOException {
        try (Spool spool = Spool.open(dir, 4096, 1000)) {
            for (int i = 0; i < 10; i++) {
                spool.append("t", 1, false, new byte[1000]);
            }
            assertTrue(spool.bytes() <= 4096, "bytes " + spool.bytes());
            assertEquals(4, spool.size());
            assertEquals(6, spool.dropped());
            assertEquals(6, spool.head());
            assertFalse(spool.append("t", 1, false, new byte[5000]), "larger than the whole spool");
            assertEquals(7, spool.dropped());
        }
    }

    @Test
    void oneSpoolDirectoryServesOnePublisher() throws IOException {
        try (Spool spool = Spool.open(dir, 1 << 20, 10)) {
            IOException e = assertThrows(IOException.class, () -> Spool.open(dir, 1 << 20, 10));
            assertTrue(e.getMessage().contains("is in use by another"), e.getMessage());
        }
    }

    @Test
    void emptySpoolHasNothingToSend() throws IOException {
        try (Spool spool = Spool.open(dir, 1 << 20, 10)) {
            assertNull(spool.next(0));
            assertEquals(0, spool.size());
        }
    }

    private static byte[] payload(int i) {
        return ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static List<Long> seqs(Spool spool) throws IOException {
        List<Long> seqs = new ArrayList<>();
        for (SpooledMessage m = spool.next(0); m != null; m = spool.next(m.seq() + 1)) {
            seqs.add(m.seq());
        }
        return seqs;
    }

    private long segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".seg")).count();
        }
    }
}
