package dev.edgevision.device.mqtt;

import dev.edgevision.core.io.AtomicFile;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * QoS 1 and 2 messages on disk, in order, until the broker acknowledges them. Append-only
 * {@link SpoolSegment segments}; a segment is deleted once none of its messages is waiting. The
 * file {@code spool.head} records the first waiting sequence number now and then, so a restart
 * may send a few acknowledged messages again (at least once), never skip one. When a bound is
 * reached the oldest messages are dropped, counted and logged. Disk use stays within the bound
 * plus one segment. Used from one thread.
 */
final class Spool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Spool.class);
    private static final String HEAD_FILE = "spool.head";
    private static final long WARN_INTERVAL_NANOS = 60_000_000_000L;

    private record Entry(SpoolSegment segment, long position, int length) {
    }

    private final Path dir;
    private final long maxBytes;
    private final int maxMessages;
    private final long segmentBytes;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final TreeMap<Long, Entry> waiting = new TreeMap<>();
    private final List<SpoolSegment> segments = new ArrayList<>();
    private SpoolSegment active;
    private long nextSeq;
    private long bytes;
    private long dropped;
    private long lastCheckpoint = -1;
    private long lastWarnNanos;
    private long droppedAtLastWarn;

    private Spool(Path dir, long maxBytes, int maxMessages, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.maxMessages = maxMessages;
        this.segmentBytes = Math.max(4096, Math.min(1 << 20, maxBytes / 8));
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Opens (creating if needed) the spool in {@code dir} and recovers the messages a previous run
     * left there.
     *
     * @throws IOException naming the directory, also when another publisher holds it
     */
    static Spool open(Path dir, long maxBytes, int maxMessages) throws IOException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IOException("mqtt.spool.dir " + dir + " cannot be created: " + e + "; choose a writable directory", e);
        }
        FileChannel lockChannel = FileChannel.open(dir.resolve("spool.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            lockChannel.close();
            throw new IOException("mqtt.spool.dir " + dir + " is in use by another publisher; give each its own directory");
        }
        Spool spool = new Spool(dir, maxBytes, maxMessages, lockChannel, lock);
        try {
            spool.recover();
        } catch (IOException | RuntimeException e) {
            spool.close();
            throw e;
        }
        return spool;
    }

    private void recover() throws IOException {
        long head = readHead();
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(SpoolSegment.SUFFIX)).sorted().toList();
        }
        nextSeq = head;
        for (Path file : files) {
            SpoolSegment segment = SpoolSegment.open(file);
            long cut = segment.scan(found -> {
                nextSeq = Math.max(nextSeq, found.seq() + 1);
                if (found.seq() >= head) {
                    waiting.put(found.seq(), new Entry(segment, found.position(), found.length()));
                    segment.addLive(1);
                    bytes += found.length();
                }
            });
            if (cut > 0) {
                LOG.warn("MQTT spool: {} ended in {} bytes of an incomplete record (interrupted write); cut them off",
                        file, cut);
            }
            if (segment.live() == 0) {
                segment.delete();
            } else {
                segments.add(segment);
            }
        }
        lastCheckpoint = head;
        if (!waiting.isEmpty()) {
            LOG.info("MQTT spool {}: {} messages ({} bytes) from an earlier run wait for the broker", dir,
                    waiting.size(), bytes);
        }
        enforceBounds(0);
    }

    /**
     * Appends a message, dropping the oldest ones if the bounds need it. Not on disk for sure until
     * {@link #sync()}. Returns false (and counts a drop) for a message larger than the whole spool.
     */
    boolean append(String topic, int qos, boolean retained, byte[] payload) throws IOException {
        var record = SpoolSegment.encode(nextSeq, topic, qos, retained, payload);
        int length = record.remaining();
        if (length > maxBytes) {
            dropped++;
            LOG.warn("MQTT spool: a {}-byte message for {} is larger than mqtt.spool.max-bytes ({}); dropped it",
                    length, topic, maxBytes);
            return false;
        }
        enforceBounds(length);
        if (active == null || active.size() >= segmentBytes) {
            rollSegment();
        }
        long position = active.append(record);
        waiting.put(nextSeq, new Entry(active, position, length));
        active.addLive(1);
        bytes += length;
        nextSeq++;
        return true;
    }

    private void rollSegment() throws IOException {
        if (active != null) {
            active.force();
            if (active.live() == 0) {
                segments.remove(active);
                active.delete();
            }
        }
        active = SpoolSegment.create(dir, nextSeq);
        segments.add(active);
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            LOG.debug("MQTT spool: could not sync directory {}: {}", dir, e.toString());
        }
    }

    private void enforceBounds(int incoming) throws IOException {
        int extraMessage = incoming > 0 ? 1 : 0;
        while (!waiting.isEmpty() && (waiting.size() + extraMessage > maxMessages || bytes + incoming > maxBytes)) {
            remove(waiting.firstKey());
            dropped++;
        }
        if (dropped > droppedAtLastWarn) {
            long now = System.nanoTime();
            if (lastWarnNanos == 0 || now - lastWarnNanos >= WARN_INTERVAL_NANOS) {
                LOG.warn("MQTT spool {} is full (bounds: {} messages, {} bytes): dropped the oldest messages, {} so far;"
                        + " the broker has been away too long for the bound, raise mqtt.spool.max-messages/max-bytes"
                        + " if they must survive longer outages", dir, maxMessages, maxBytes, dropped);
                lastWarnNanos = now;
                droppedAtLastWarn = dropped;
            }
        }
    }

    /** Forces appended messages to disk. */
    void sync() throws IOException {
        if (active != null) {
            active.force();
        }
    }

    /** The first waiting message with a sequence number of at least {@code fromSeq}, or null. */
    SpooledMessage next(long fromSeq) throws IOException {
        Map.Entry<Long, Entry> next;
        while ((next = waiting.ceilingEntry(fromSeq)) != null) {
            Entry entry = next.getValue();
            SpooledMessage message = entry.segment().read(entry.position(), entry.length());
            if (message != null && message.seq() == next.getKey()) {
                return message;
            }
            LOG.error("MQTT spool: message {} in {} is unreadable (disk error?); skipped it", next.getKey(),
                    entry.segment().file());
            remove(next.getKey());
            dropped++;
        }
        return null;
    }

    /** Forgets a message the broker acknowledged (or that is dropped); unknown numbers are ignored. */
    void remove(long seq) throws IOException {
        Entry entry = waiting.remove(seq);
        if (entry == null) {
            return;
        }
        bytes -= entry.length();
        SpoolSegment segment = entry.segment();
        segment.addLive(-1);
        if (segment.live() == 0 && segment != active) {
            segments.remove(segment);
            segment.delete();
        }
    }

    /** Records the first waiting sequence number if it moved, so a restart does not send older ones again. */
    void checkpoint() throws IOException {
        long head = head();
        if (head != lastCheckpoint) {
            AtomicFile.write(dir.resolve(HEAD_FILE), Long.toString(head).getBytes(StandardCharsets.US_ASCII));
            lastCheckpoint = head;
        }
    }

    /** The first waiting sequence number, or the next one to be given when none waits. */
    long head() {
        return waiting.isEmpty() ? nextSeq : waiting.firstKey();
    }

    int size() {
        return waiting.size();
    }

    long bytes() {
        return bytes;
    }

    /** Messages dropped since this spool was opened: bounds, oversize, unreadable. */
    long dropped() {
        return dropped;
    }

    Path dir() {
        return dir;
    }

    private long readHead() {
        Path file = dir.resolve(HEAD_FILE);
        if (!Files.exists(file)) {
            return 0;
        }
        try {
            return Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).trim());
        } catch (IOException | NumberFormatException e) {
            LOG.warn("MQTT spool: {} is unreadable ({}); every message in the spool will be sent, some maybe twice",
                    file, e.toString());
            return 0;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (lock.isValid()) {
                sync();
                checkpoint();
            }
        } finally {
            for (SpoolSegment segment : segments) {
                segment.close();
            }
            segments.clear();
            lock.release();
            lockChannel.close();
        }
    }
}
