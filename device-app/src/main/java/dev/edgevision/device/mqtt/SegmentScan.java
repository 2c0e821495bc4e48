package dev.edgevision.device.mqtt;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * What recovery finds in one segment's bytes: the intact records, the damaged stretches between
 * them (a flipped byte, a torn write, junk) and the records whose checksum is right but whose
 * content cannot be a spooled message (QoS other than 1 or 2, a topic longer than the record, a
 * wildcard or empty topic, a sequence number outside the segment). After a damaged stretch the scan
 * resynchronises on the next position where an intact, plausible record starts, so one bad byte
 * costs one message, not the rest of the segment.
 */
final class SegmentScan {
    /** Most sequence numbers one segment can span; a record claiming more is not one of its own. */
    private static final long SEQ_SPAN = 1L << 32;

    /** An intact record: where it starts, its whole length, its sequence number. */
    record Found(long position, int length, long seq) {
    }

    /**
     * A stretch of bytes that holds no intact record: about {@code lostAbout} messages by the
     * sequence gap, before the record numbered {@code seqAfter} ({@code Long.MAX_VALUE} at the end).
     */
    record Damage(long position, long length, long lostAbout, long seqAfter) {
    }

    /** A record with a good checksum and impossible content, kept aside in the quarantine folder. */
    record Quarantined(long position, int length, String reason) {
    }

    final List<Found> found = new ArrayList<>();
    final List<Damage> damage = new ArrayList<>();
    final List<Quarantined> quarantined = new ArrayList<>();
    /** Where the last intact or quarantined record ends; what follows is cut off. */
    long end;

    private SegmentScan() {
    }

    /** Scans {@code bytes}, the whole segment whose first sequence number is {@code firstSeq}. */
    static SegmentScan of(byte[] bytes, long firstSeq) {
        SegmentScan scan = new SegmentScan();
        long lastSeq = firstSeq - 1;
        int position = 0;
        int damagedFrom = -1;
        while (position + SpoolSegment.HEADER <= bytes.length) {
            int bodyLength = ByteBuffer.wrap(bytes, position, 4).getInt();
            boolean fits = bodyLength >= SpoolSegment.BODY_FIXED
                    && bodyLength <= bytes.length - position - SpoolSegment.HEADER;
            // While resynchronising, the cheap content checks come first and must pass too.
            boolean candidate = fits && (damagedFrom < 0 || problem(bytes, position, bodyLength, firstSeq) == null);
            if (!candidate || !checksumMatches(bytes, position, bodyLength)) {
                if (damagedFrom < 0) {
                    damagedFrom = position;
                }
                position++;
                continue;
            }
            long seq = ByteBuffer.wrap(bytes, position + SpoolSegment.HEADER, 8).getLong();
            if (damagedFrom >= 0) {
                scan.damage.add(new Damage(damagedFrom, position - damagedFrom, Math.max(1, seq - lastSeq - 1), seq));
                damagedFrom = -1;
            }
            int length = SpoolSegment.HEADER + bodyLength;
            String problem = problem(bytes, position, bodyLength, firstSeq);
            if (problem == null && seq <= lastSeq) {
                problem = "sequence number " + seq + " repeats or goes back (after " + lastSeq + ")";
            }
            if (problem != null) {
                scan.quarantined.add(new Quarantined(position, length, problem));
            } else {
                scan.found.add(new Found(position, length, seq));
                lastSeq = seq;
            }
            position += length;
            scan.end = position;
        }
        if (damagedFrom >= 0 || position < bytes.length) {
            int from = damagedFrom >= 0 ? damagedFrom : position;
            scan.damage.add(new Damage(from, bytes.length - from, 1, Long.MAX_VALUE));
        }
        return scan;
    }

    private static boolean checksumMatches(byte[] bytes, int position, int bodyLength) {
        int crc = ByteBuffer.wrap(bytes, position + 4, 4).getInt();
        CRC32 check = new CRC32();
        check.update(bytes, position + SpoolSegment.HEADER, bodyLength);
        return (int) check.getValue() == crc;
    }

    /** Why the record at {@code position} cannot be a spooled message, or null if it can. */
    static String problem(byte[] bytes, int position, int bodyLength, long firstSeq) {
        ByteBuffer body = ByteBuffer.wrap(bytes, position + SpoolSegment.HEADER, bodyLength).slice();
        long seq = body.getLong();
        int qos = body.get();
        int retained = body.get();
        int topicLength = Short.toUnsignedInt(body.getShort());
        if (seq < firstSeq || seq - firstSeq >= SEQ_SPAN) {
            return "sequence number " + seq + " is outside the segment starting at " + firstSeq;
        }
        if (qos != 1 && qos != 2) {
            return "QoS " + qos + " (the spool holds QoS 1 and 2 only)";
        }
        if (retained != 0 && retained != 1) {
            return "retained flag " + retained + " (0 or 1)";
        }
        if (topicLength > body.remaining()) {
            return "topic length " + topicLength + " exceeds the record's " + body.remaining() + " bytes";
        }
        return topicProblem(bytes, position + SpoolSegment.HEADER + SpoolSegment.BODY_FIXED, topicLength);
    }

    private static String topicProblem(byte[] bytes, int offset, int length) {
        if (length == 0) {
            return "empty topic";
        }
        String topic;
        try {
            topic = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, offset, length))
                    .toString();
        } catch (CharacterCodingException e) {
            return "topic is not UTF-8";
        }
        if (topic.indexOf('+') >= 0 || topic.indexOf('#') >= 0 || topic.indexOf('\0') >= 0) {
            return "topic '" + topic.replace("\0", "\\0") + "' holds a wildcard or NUL, which cannot be published";
        }
        return null;
    }
}
