package dev.edgevision.device.mqtt;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * One append-only file of the spool, named by the sequence number of its first record. A record
 * is {@code int bodyLength, int crc32(body), body}; the body is
 * {@code long seq, byte qos, byte retained, short topicLength, topic (UTF-8), payload}. Recovery
 * ({@link SegmentScan}) keeps every intact record, skips damaged stretches to the next intact one,
 * sets aside records whose content is impossible, and truncates the file after the last record.
 */
final class SpoolSegment {
    static final String SUFFIX = ".seg";
    static final int HEADER = 8;
    static final int BODY_FIXED = 8 + 1 + 1 + 2;

    /** A record found by {@link #scan}. */
    record Found(long position, int length, long seq) {
    }

    private final Path file;
    private final long firstSeq;
    private final FileChannel channel;
    private long size;
    private int live;

    private SpoolSegment(Path file, long firstSeq, FileChannel channel, long size) {
        this.file = file;
        this.firstSeq = firstSeq;
        this.channel = channel;
        this.size = size;
    }

    /** A new, empty segment for records from {@code firstSeq} on. */
    static SpoolSegment create(Path dir, long firstSeq) throws IOException {
        Path file = dir.resolve(String.format("%020d%s", firstSeq, SUFFIX));
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        return new SpoolSegment(file, firstSeq, channel, 0);
    }

    /** An existing segment, opened for reading and recovery. */
    static SpoolSegment open(Path file) throws IOException {
        String name = file.getFileName().toString();
        long firstSeq = Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        return new SpoolSegment(file, firstSeq, channel, channel.size());
    }

    /**
     * Reads the whole segment and finds its records ({@link SegmentScan}); cuts the file after the
     * last record found when what follows is damage (a torn write).
     */
    SegmentScan scan() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        SegmentScan scan = SegmentScan.of(bytes, firstSeq);
        if (scan.end < size) {
            channel.truncate(scan.end);
            channel.force(true);
            size = scan.end;
        }
        return scan;
    }

    /** Reads {@code length} bytes at {@code position}, as they are on disk (for the quarantine). */
    byte[] bytes(long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining() && channel.read(buffer, position + buffer.position()) >= 0) {
            // reads until full or end of file
        }
        return java.util.Arrays.copyOf(buffer.array(), buffer.position());
    }

    /** Appends one record (not yet forced to disk) and returns its position. */
    long append(ByteBuffer record) throws IOException {
        long position = size;
        while (record.hasRemaining()) {
            size += channel.write(record, size);
        }
        return position;
    }

    /** Reads the record at {@code position}; null if it does not check out. */
    SpooledMessage read(long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                return null;
            }
        }
        buffer.flip();
        int bodyLength = buffer.getInt();
        int crc = buffer.getInt();
        if (bodyLength != length - HEADER) {
            return null;
        }
        if (crc32(Arrays.copyOfRange(buffer.array(), HEADER, length)) != crc
                || SegmentScan.problem(buffer.array(), 0, bodyLength, firstSeq) != null) {
            return null;
        }
        return decode(ByteBuffer.wrap(buffer.array(), HEADER, bodyLength).slice());
    }

    /** The whole record (header and body) for a message. */
    static ByteBuffer encode(long seq, String topic, int qos, boolean retained, byte[] payload) {
        byte[] topicBytes = topic.getBytes(StandardCharsets.UTF_8);
        int bodyLength = BODY_FIXED + topicBytes.length + payload.length;
        ByteBuffer body = ByteBuffer.allocate(bodyLength);
        body.putLong(seq).put((byte) qos).put((byte) (retained ? 1 : 0)).putShort((short) topicBytes.length)
                .put(topicBytes).put(payload);
        ByteBuffer record = ByteBuffer.allocate(HEADER + bodyLength);
        record.putInt(bodyLength).putInt(crc32(body.array())).put(body.array()).flip();
        return record;
    }

    private static SpooledMessage decode(ByteBuffer body) {
        long seq = body.getLong();
        int qos = body.get();
        boolean retained = body.get() != 0;
        byte[] topic = new byte[Short.toUnsignedInt(body.getShort())];
        body.get(topic);
        byte[] payload = new byte[body.remaining()];
        body.get(payload);
        return new SpooledMessage(seq, new String(topic, StandardCharsets.UTF_8), qos, retained, payload);
    }

    private static int crc32(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return (int) crc.getValue();
    }

    void force() throws IOException {
        channel.force(false);
    }

    long firstSeq() {
        return firstSeq;
    }

    long size() {
        return size;
    }

    Path file() {
        return file;
    }

    /** Records in this segment not yet acknowledged or dropped. */
    int live() {
        return live;
    }

    void addLive(int delta) {
        live += delta;
    }

    void close() throws IOException {
        channel.close();
    }

    void delete() throws IOException {
        channel.close();
        Files.deleteIfExists(file);
    }
}
