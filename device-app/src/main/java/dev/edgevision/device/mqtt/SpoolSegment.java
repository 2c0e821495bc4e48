package dev.edgevision.device.mqtt;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import java.util.zip.CRC32;

/**
 * One append-only file of the spool, named by the sequence number of its first record. A record
 * is {@code int bodyLength, int crc32(body), body}; the body is
 * {@code long seq, byte qos, byte retained, short topicLength, topic (UTF-8), payload}. A record
 * cut short by a crash, or whose checksum does not match, ends the segment: recovery truncates
 * the file there.
 */
final class SpoolSegment {
    static final String SUFFIX = ".seg";
    static final int HEADER = 8;
    private static final int BODY_FIXED = 8 + 1 + 1 + 2;

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
     * Hands every intact record to {@code found}, in file order, and cuts the file after the last
     * one. Returns the number of bytes cut (0 for a clean segment).
     */
    long scan(Consumer<Found> found) throws IOException {
        ByteBuffer all = ByteBuffer.wrap(Files.readAllBytes(file));
        long position = 0;
        while (all.remaining() >= HEADER) {
            int bodyLength = all.getInt();
            int crc = all.getInt();
            if (bodyLength < BODY_FIXED || bodyLength > all.remaining()) {
                break;
            }
            byte[] body = new byte[bodyLength];
            all.get(body);
            if (crc32(body) != crc) {
                break;
            }
            found.accept(new Found(position, HEADER + bodyLength, ByteBuffer.wrap(body).getLong()));
            position += HEADER + bodyLength;
        }
        long cut = size - position;
        if (cut > 0) {
            channel.truncate(position);
            channel.force(true);
            size = position;
        }
        return cut;
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
        byte[] body = new byte[bodyLength];
        buffer.get(body);
        return crc32(body) == crc ? decode(ByteBuffer.wrap(body)) : null;
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
