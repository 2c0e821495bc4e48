package dev.edgevision.device.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Segments mutated at random (flipped bits, zeroed and overwritten stretches, inserted and deleted
 * bytes, truncation, a junk spool.head): the spool always opens, delivers every record whose bytes
 * were left alone exactly once and never anything that was not written, and counts what it skipped.
 * Bounded: 400 rounds or 20 s, whichever comes first. Prints the totals.
 */
@Tag("bad-input")
class SpoolFuzzTest {
    private static final int ROUNDS = 400;
    private static final long BUDGET_NANOS = 20_000_000_000L;

    @TempDir
    Path root;

    /** What was written: the record's bytes in its segment file, and its content. */
    private record Written(long seq, Path file, int position, int length, String topic, byte[] payload) {
    }

    @Test
    void everyIntactRecordIsDeliveredExactlyOnce() throws IOException {
        Random random = new Random(20261203);
        long start = System.nanoTime();
        int rounds = 0;
        long intactTotal = 0;
        long deliveredTotal = 0;
        long skippedTotal = 0;
        while (rounds < ROUNDS && System.nanoTime() - start < BUDGET_NANOS) {
            Path dir = root.resolve("r" + rounds);
            Map<Long, Written> written = write(dir, random);
            Set<Long> intact = mutate(dir, written, random);
            Map<Long, Integer> seen = new HashMap<>();
            try (Spool spool = Spool.open(dir, 1 << 20, 100_000)) {
                SpooledMessage m;
                while ((m = spool.next(0)) != null) {
                    Written w = written.get(m.seq());
                    assertTrue(w != null, "round " + rounds + ": delivered seq " + m.seq() + " was never written");
                    assertEquals(w.topic(), m.topic(), "round " + rounds);
                    assertArrayEquals(w.payload(), m.payload(), "round " + rounds);
                    seen.merge(m.seq(), 1, Integer::sum);
                    spool.remove(m.seq());
                }
                skippedTotal += spool.skipped();
            }
            for (long seq : intact) {
                assertEquals(1, seen.getOrDefault(seq, 0), "round " + rounds + ": intact record " + seq);
            }
            assertTrue(seen.values().stream().allMatch(n -> n == 1), "round " + rounds + ": each at most once");
            intactTotal += intact.size();
            deliveredTotal += seen.size();
            rounds++;
        }
        System.out.printf("spool fuzz: %d rounds in %.1f s; %d intact records, all delivered once; %d delivered in"
                + " all; %d skipped and reported%n", rounds, (System.nanoTime() - start) / 1e9, intactTotal,
                deliveredTotal, skippedTotal);
        assertTrue(rounds >= 50, "at least 50 rounds ran: " + rounds);
    }

    private static Map<Long, Written> write(Path dir, Random random) throws IOException {
        Map<Long, Written> written = new HashMap<>();
        int count = 5 + random.nextInt(80);
        List<Object[]> plan = new ArrayList<>();
        try (Spool spool = Spool.open(dir, 64 * 1024, 100_000)) { // 8 KiB segments: several per round
            for (int i = 0; i < count; i++) {
                byte[] payload = new byte[random.nextInt(random.nextBoolean() ? 40 : 1500)];
                random.nextBytes(payload);
                String topic = "vision/fuzz/" + i;
                spool.append(topic, 1 + random.nextInt(2), random.nextBoolean(), payload);
                plan.add(new Object[] {(long) i, topic, payload});
            }
        }
        // Find each record's file and position by reading the segments back in order.
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".seg")).sorted().toList();
        }
        int next = 0;
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            int position = 0;
            while (position + 8 <= bytes.length && next < plan.size()) {
                int length = 8 + java.nio.ByteBuffer.wrap(bytes, position, 4).getInt();
                Object[] p = plan.get(next++);
                written.put((Long) p[0], new Written((Long) p[0], file, position, length, (String) p[1], (byte[]) p[2]));
                position += length;
            }
        }
        assertEquals(count, written.size(), "every record was found back before mutation");
        return written;
    }

    /**
     * Mutates the segments; returns the records none of whose bytes changed. An insertion or deletion
     * shifts what follows, so it is the last mutation of its file: the records after it are intact
     * (moved), and the scan must find them by their content.
     */
    private static Set<Long> mutate(Path dir, Map<Long, Written> written, Random random) throws IOException {
        Map<Path, List<Written>> byFile = new HashMap<>();
        written.values().forEach(w -> byFile.computeIfAbsent(w.file(), f -> new ArrayList<>()).add(w));
        Set<Long> touched = new HashSet<>();
        for (Map.Entry<Path, List<Written>> e : byFile.entrySet()) {
            byte[] bytes = Files.readAllBytes(e.getKey());
            int mutations = random.nextInt(4);
            for (int k = 0; k < mutations && bytes.length > 0; k++) {
                int at = random.nextInt(bytes.length);
                int span = 1 + random.nextInt(random.nextBoolean() ? 4 : 200);
                int end = Math.min(bytes.length, at + span);
                int kind = random.nextInt(6);
                if (kind >= 4) {
                    byte[] junk = new byte[kind == 4 ? span : 0];
                    random.nextBytes(junk);
                    int cut = kind == 5 ? end - at : 0;
                    byte[] out = new byte[bytes.length + junk.length - cut];
                    System.arraycopy(bytes, 0, out, 0, at);
                    System.arraycopy(junk, 0, out, at, junk.length);
                    System.arraycopy(bytes, at + cut, out, at + junk.length, bytes.length - at - cut);
                    for (Written w : e.getValue()) {
                        boolean split = w.position() < at && w.position() + w.length() > at;
                        boolean removed = cut > 0 && w.position() < at + cut && w.position() + w.length() > at;
                        if (split || removed) {
                            touched.add(w.seq());
                        }
                    }
                    bytes = out;
                    break;
                }
                switch (kind) {
                    case 0 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
                    case 1 -> Arrays.fill(bytes, at, end, (byte) 0);
                    case 2 -> {
                        for (int i = at; i < end; i++) {
                            bytes[i] = (byte) random.nextInt(256);
                        }
                    }
                    default -> {
                        bytes = Arrays.copyOf(bytes, at);
                        end = Integer.MAX_VALUE;
                    }
                }
                for (Written w : e.getValue()) {
                    if (w.position() < end && w.position() + w.length() > at) {
                        touched.add(w.seq());
                    }
                }
            }
            Files.write(e.getKey(), bytes);
        }
        if (random.nextInt(4) == 0) {
            Files.writeString(dir.resolve("spool.head"), random.nextBoolean() ? "99999999" : "x\u0001y");
        }
        Set<Long> intact = new HashSet<>(written.keySet());
        intact.removeAll(touched);
        return intact;
    }
}
