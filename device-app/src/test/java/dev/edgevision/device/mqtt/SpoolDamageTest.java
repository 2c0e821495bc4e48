package dev.edgevision.device.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A spool left damaged, doctored or crowded by stray files: every intact message still goes out, once. */
@Tag("bad-input")
class SpoolDamageTest {
    @TempDir
    Path dir;

    @Test
    void oneFlippedByteCostsOneMessageNotTheRestOfTheSegment() throws IOException {
        List<Long> offsets = fill(10);
        Path segment = onlySegment();
        byte[] bytes = Files.readAllBytes(segment);
        bytes[(int) (offsets.get(3) + 20)] ^= 0x40;
        Files.write(segment, bytes);
        try (Spool spool = Spool.open(dir, 1 << 20, 1000)) {
            assertEquals(List.of(0L, 1L, 2L, 4L, 5L, 6L, 7L, 8L, 9L), drain(spool));
            assertEquals(1, spool.skipped(), "the lost message is counted");
        }
        assertEquals(1, quarantine().size(), "the damaged bytes are kept for a look");
    }

    @Test
    void aFlippedLengthFieldIsSkippedToo() throws IOException {
        List<Long> offsets = fill(6);
        Path segment = onlySegment();
        byte[] bytes = Files.readAllBytes(segment);
        bytes[(int) (offsets.get(2) + 1)] = 0x7f;
        Files.write(segment, bytes);
        try (Spool spool = Spool.open(dir, 1 << 20, 1000)) {
            assertEquals(List.of(0L, 1L, 3L, 4L, 5L), drain(spool));
        }
    }

    @Test
    void recordsWithAGoodChecksumAndImpossibleContentAreSetAside() throws IOException {
        fill(3);
        Path segment = onlySegment();
        byte[] good = Files.readAllBytes(segment);
        ByteBuffer doctored = ByteBuffer.allocate(good.length + 400);
        doctored.put(good);
        doctored.put(record(3, 7, 0, "t/qos7".getBytes(StandardCharsets.UTF_8), 6, new byte[4]));
        doctored.put(record(4, 1, 0, "t/x".getBytes(StandardCharsets.UTF_8), 60_000, new byte[4]));
        doctored.put(record(5, 1, 0, "t/+/#".getBytes(StandardCharsets.UTF_8), 5, new byte[4]));
        doctored.put(record(6, 1, 9, "t/ok".getBytes(StandardCharsets.UTF_8), 4, new byte[4]));
        doctored.put(record(7, 1, 0, "t/7".getBytes(StandardCharsets.UTF_8), 3, "seven".getBytes()));
        Files.write(segment, java.util.Arrays.copyOf(doctored.array(), doctored.position()));
        try (Spool spool = Spool.open(dir, 1 << 20, 1000)) {
            List<SpooledMessage> out = drainMessages(spool);
            assertEquals(List.of(0L, 1L, 2L, 7L), out.stream().map(SpooledMessage::seq).toList());
            assertArrayEquals("seven".getBytes(), out.get(3).payload());
            assertEquals(4, spool.skipped());
        }
        assertEquals(4, quarantine().size(), "each impossible record is kept aside: " + quarantine());
    }

    @Test
    void strayFilesAndFoldersNamedLikeSegmentsAreIgnoredAndReported() throws IOException {
        fill(4);
        Files.createDirectory(dir.resolve("00000000000000000500.seg"));
        Files.writeString(dir.resolve("notes.seg"), "hello");
        Files.writeString(dir.resolve("99999999999999999999.seg"), "too big a number");
        try (Spool spool = Spool.open(dir, 1 << 20, 1000)) {
            assertEquals(List.of(0L, 1L, 2L, 3L), drain(spool));
            assertEquals(3, spool.skipped());
            spool.append("t", 1, false, new byte[3]);
            assertEquals(4, spool.next(4).seq(), "the sequence goes on after the real segments");
        }
        assertTrue(Files.isDirectory(dir.resolve("00000000000000000500.seg")), "a stray folder is left alone");
    }

    @Test
    void aHeadBeyondTheDataIsCorruptNotAllDelivered() throws IOException {
        fill(5);
        for (String head : new String[] {"9999999", "-4", "\u0000\u0001garbage", ""}) {
            Files.writeString(dir.resolve("spool.head"), head);
            try (Spool spool = Spool.open(dir, 1 << 20, 1000)) {
                assertEquals(List.of(0L, 1L, 2L, 3L, 4L), seqs(spool), "head '" + head + "'");
            }
        }
        Files.writeString(dir.resolve("spool.head"), "2");
        try (Spool spool = Spool.open(dir, 1 << 20, 1000)) {
            assertEquals(List.of(2L, 3L, 4L), seqs(spool), "a head within the data is honoured");
        }
    }

    @Test
    void aSecondPublisherOnTheSameDirectoryIsToldPlainly() throws IOException {
        try (Spool first = Spool.open(dir, 1 << 20, 1000)) {
            IOException e = assertThrows(IOException.class, () -> Spool.open(dir, 1 << 20, 1000));
            assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains("in use"), e.getMessage());
        }
    }

    private List<Long> fill(int count) throws IOException {
        List<Long> offsets = new ArrayList<>();
        long offset = 0;
        try (Spool spool = Spool.open(dir, 1 << 20, 1000)) {
            for (int i = 0; i < count; i++) {
                offsets.add(offset);
                byte[] payload = ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
                spool.append("vision/t/" + i, 1, false, payload);
                offset += SpoolSegment.encode(i, "vision/t/" + i, 1, false, payload).remaining();
            }
        }
        return offsets;
    }

    /** A record with a correct checksum around whatever body fields it is given. */
    static byte[] record(long seq, int qos, int retained, byte[] topic, int topicLength, byte[] payload) {
        ByteBuffer body = ByteBuffer.allocate(12 + topic.length + payload.length);
        body.putLong(seq).put((byte) qos).put((byte) retained).putShort((short) topicLength).put(topic).put(payload);
        CRC32 crc = new CRC32();
        crc.update(body.array());
        return ByteBuffer.allocate(8 + body.capacity()).putInt(body.capacity()).putInt((int) crc.getValue())
                .put(body.array()).array();
    }

    static List<Long> drain(Spool spool) throws IOException {
        return drainMessages(spool).stream().map(SpooledMessage::seq).toList();
    }

    static List<SpooledMessage> drainMessages(Spool spool) throws IOException {
        List<SpooledMessage> out = new ArrayList<>();
        SpooledMessage m;
        while ((m = spool.next(0)) != null) {
            out.add(m);
            spool.remove(m.seq());
        }
        return out;
    }

    private static List<Long> seqs(Spool spool) throws IOException {
        List<Long> seqs = new ArrayList<>();
        for (SpooledMessage m = spool.next(0); m != null; m = spool.next(m.seq() + 1)) {
            seqs.add(m.seq());
        }
        return seqs;
    }

    private Path onlySegment() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".seg")).findFirst().orElseThrow();
        }
    }

    private List<Path> quarantine() throws IOException {
        Path folder = dir.resolve("quarantine");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
