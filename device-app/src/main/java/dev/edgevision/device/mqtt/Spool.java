package dev.edgevision.device.mqtt;

import dev.edgevision.core.io.AtomicFile;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
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
    private static final String QUARANTINE = "quarantine";
    private static final long QUARANTINE_BYTES = 16L << 20;
    private static final Pattern SEGMENT_NAME = Pattern.compile("\\d{1,20}\\" + SpoolSegment.SUFFIX);
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
    private long skipped;
    private long lostToDamage;
    private long quarantined;
    private long strays;

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
            throw new IOException("mqtt.spool_dir " + dir + " is in use by another running service or publisher (it"
                    + " holds " + dir.resolve("spool.lock") + "): stop that one, or give each its own mqtt.spool_dir");
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
        List<SpoolSegment> opened = new ArrayList<>();
        List<SegmentScan> scans = new ArrayList<>();
        for (Path file : segmentFiles()) {
            SpoolSegment segment = SpoolSegment.open(file);
            opened.add(segment);
            scans.add(segment.scan());
        }
        long maxSeq = scans.stream().flatMap(s -> s.found.stream()).mapToLong(SegmentScan.Found::seq).max().orElse(-1);
        long head = readHead(maxSeq);
        nextSeq = Math.max(head, maxSeq + 1);
        for (int i = 0; i < opened.size(); i++) {
            SpoolSegment segment = opened.get(i);
            SegmentScan scan = scans.get(i);
            for (SegmentScan.Found found : scan.found) {
                if (found.seq() < head) {
                    continue;
                }
                if (waiting.containsKey(found.seq())) {
                    quarantine(segment, found.position(), found.length(), "sequence number " + found.seq()
                            + " is also in " + waiting.get(found.seq()).segment().file().getFileName());
                    continue;
                }
                waiting.put(found.seq(), new Entry(segment, found.position(), found.length()));
                segment.addLive(1);
                bytes += found.length();
            }
            report(segment, scan, head);
            if (segment.live() == 0) {
                segment.delete();
            } else {
                segments.add(segment);
            }
        }
        lastCheckpoint = head;
        if (skipped > 0) {
            LOG.warn("MQTT spool {}: recovery skipped {} message(s) lost to damaged bytes, set aside {} impossible"
                    + " record(s) and ignored {} stray file(s); every intact message is delivered", dir, lostToDamage,
                    quarantined, strays);
        }
        if (!waiting.isEmpty()) {
            LOG.info("MQTT spool {}: {} messages ({} bytes) from an earlier run wait for the broker", dir,
                    waiting.size(), bytes);
        }
        enforceBounds(0);
    }

    /** The segment files, in order; anything else named like one is reported and left alone. */
    private List<Path> segmentFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.sorted().toList()) {
                String name = p.getFileName().toString();
                if (!name.endsWith(SpoolSegment.SUFFIX)) {
                    continue;
                }
                if (SEGMENT_NAME.matcher(name).matches() && fitsALong(name) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                        && Files.isReadable(p) && Files.isWritable(p)) {
                    files.add(p);
                } else {
                    skipped++;
                    strays++;
                    LOG.warn("MQTT spool: ignored {}: {}; the spool writes only files named by 20 digits and {}"
                            + " (remove it to silence this)", p, Files.isDirectory(p) ? "a directory"
                            : !SEGMENT_NAME.matcher(name).matches() || !fitsALong(name) ? "not a segment name"
                            : "not a readable and writable regular file", SpoolSegment.SUFFIX);
                }
            }
        }
        return files;
    }

    private static boolean fitsALong(String name) {
        try {
            Long.parseLong(name.substring(0, name.length() - SpoolSegment.SUFFIX.length()));
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Logs, counts and sets aside what the scan of {@code segment} skipped. */
    private void report(SpoolSegment segment, SegmentScan scan, long head) throws IOException {
        for (SegmentScan.Damage d : scan.damage) {
            long lost = d.seqAfter() > head ? d.lostAbout() : 0;
            lostToDamage += lost;
            skipped += lost;
            keep(segment.file().getFileName() + "-" + d.position() + ".damaged",
                    segment.bytes(d.position(), (int) Math.min(d.length(), Integer.MAX_VALUE)));
            LOG.warn("MQTT spool: {}: {} damaged bytes at offset {} skipped{}; delivery goes on from the next intact"
                    + " record; a copy is in {}", segment.file(), d.length(), d.position(),
                    lost == 0 ? " (already delivered)" : ", about " + lost + " message(s) lost",
                    dir.resolve(QUARANTINE));
        }
        for (SegmentScan.Quarantined q : scan.quarantined) {
            quarantine(segment, q.position(), q.length(), q.reason());
        }
    }

    private void quarantine(SpoolSegment segment, long position, int length, String reason) throws IOException {
        quarantined++;
        skipped++;
        keep(segment.file().getFileName() + "-" + position + ".record", segment.bytes(position, length));
        LOG.warn("MQTT spool: {}: the record at offset {} cannot be sent ({}); set aside in {}, the rest is delivered",
                segment.file(), position, reason, dir.resolve(QUARANTINE));
    }

    /** Keeps {@code bytes} in the quarantine folder, while it holds less than {@link #QUARANTINE_BYTES}. */
    private void keep(String name, byte[] bytes) {
        Path folder = dir.resolve(QUARANTINE);
        try {
            Files.createDirectories(folder);
            long used;
            try (Stream<Path> list = Files.list(folder)) {
                used = list.mapToLong(p -> p.toFile().length()).sum();
            }
            if (used + bytes.length <= QUARANTINE_BYTES) {
                Files.write(folder.resolve(name), bytes);
            }
        } catch (IOException e) {
            LOG.debug("MQTT spool: could not keep {} in {}: {}", name, folder, e.toString());
        }
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

    /** Moves a waiting message that can never be sent to the quarantine folder, counted as skipped. */
    void setAside(long seq, String reason) throws IOException {
        Entry entry = waiting.get(seq);
        if (entry != null) {
            quarantine(entry.segment(), entry.position(), entry.length(), reason);
            remove(seq);
        }
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

    /**
     * What recovery skipped: messages lost to damaged bytes (by the sequence gap), records set
     * aside in the quarantine folder, and stray files named like segments.
     */
    long skipped() {
        return skipped;
    }

    /** Messages dropped since this spool was opened: bounds, oversize, unreadable. */
    long dropped() {
        return dropped;
    }

    Path dir() {
        return dir;
    }

    /**
     * The first waiting sequence number from {@code spool.head}; 0 (send everything, some maybe
     * twice) when it is unreadable, negative, or beyond the data ({@code maxSeq}: the highest
     * sequence number on disk, -1 for none), since a head past every record would silently
     * discard them all.
     */
    private long readHead(long maxSeq) {
        Path file = dir.resolve(HEAD_FILE);
        if (!Files.exists(file)) {
            return 0;
        }
        String problem;
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
            long head = Long.parseLong(text);
            if (head >= 0 && (maxSeq < 0 || head <= maxSeq + 1)) {
                return head;
            }
            problem = head < 0 ? "negative (" + head + ")"
                    : "beyond the data (" + head + ", the last message on disk is " + maxSeq + ")";
        } catch (IOException | NumberFormatException e) {
            problem = e instanceof NumberFormatException ? "not a number" : "unreadable (" + e.getMessage() + ")";
        }
        LOG.warn("MQTT spool: {} is {}: treated as corrupt; every message in the spool will be sent, some maybe twice",
                file, problem);
        return 0;
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
