package dev.edgevision.device.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.detect.BoundingBox;
import dev.edgevision.core.detect.Detection;
import dev.edgevision.core.detect.DetectionRecord;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.PixelFormat;
import dev.edgevision.device.events.ObjectTracker;
import dev.edgevision.device.events.TrackerSettings;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * A label's snapshot is the best frame of its confirmed track, with the box drawn: the frame with
 * the top score even when it came before the track was confirmed, sent again when the top score
 * rises (no more often than the interval), never for a one-frame false positive.
 */
class BestSnapshotsTest {
    static final BoundingBox BOX = new BoundingBox(200, 150, 120, 100);

    record Sent(String camera, String label, byte[] jpeg) {
    }

    @Test
    void theSnapshotIsTheTopScoringFrameOfTheConfirmedTrackEvenBeforeConfirmation() throws Exception {
        List<Sent> sent = new CopyOnWriteArrayList<>();
        try (BestSnapshots snapshots = new BestSnapshots((c, l, j) -> sent.add(new Sent(c, l, j)), Duration.ZERO, 12,
                0.9)) {
            Run run = new Run(snapshots);
            run.frame(1, 0.9);  // the best, while the track is still tentative
            run.frame(2, 0.6);
            run.frame(3, 0.7);  // confirmed here
            await(sent, 1);
            assertEquals("desk", sent.get(0).camera());
            assertEquals("7", sent.get(0).label());
            assertEquals(fill(1), background(sent.get(0).jpeg()), 12, "the frame of score 0.9, not the confirming one");
            assertTrue(boxDrawn(sent.get(0).jpeg()), "the box is drawn");
            assertEquals(1, snapshots.ref("desk", "7").frame());

            run.frame(4, 0.95); // a better frame of the same track
            await(sent, 2);
            assertEquals(fill(4), background(sent.get(1).jpeg()), 12);
            run.frame(5, 0.8);
            Thread.sleep(300);
            assertEquals(2, sent.size(), "no snapshot for a frame that is not better: " + snapshots.figures());
            System.out.println("snapshots at 640x480: " + snapshots.figures());
        }
    }

    @Test
    void aOneFrameFalsePositiveMakesNoSnapshotAndChangesWaitForTheInterval() throws Exception {
        List<Sent> sent = new CopyOnWriteArrayList<>();
        try (BestSnapshots snapshots = new BestSnapshots((c, l, j) -> sent.add(new Sent(c, l, j)), Duration.ofHours(1),
                12, 0.8)) {
            Run run = new Run(snapshots);
            run.frame(1, 0.99);
            for (int i = 2; i < 26; i++) { // 2.4 s: longer than the grace period, the tentative track ends
                run.none(i);
            }
            Thread.sleep(300);
            assertEquals(0, sent.size(), "a detection in one frame makes no snapshot");
            run.frame(30, 0.5);
            run.frame(31, 0.6);
            run.frame(32, 0.7);
            await(sent, 1);
            run.frame(33, 0.9);
            run.frame(34, 0.95);
            Thread.sleep(300);
            assertEquals(1, sent.size(), "better frames within the interval wait");
            assertEquals(34, snapshots.ref("desk", "7").frame(), "the reference follows the best frame");
        }
    }

    @Test
    void theLatestFrameIsEncodedOnRequestWithItsDetections() throws Exception {
        try (BestSnapshots snapshots = BestSnapshots.withDefaults((c, l, j) -> { })) {
            var answer = snapshots.latest("desk");
            new Run(snapshots).frame(9, 0.8);
            BestSnapshots.Jpeg jpeg = answer.get(5, TimeUnit.SECONDS);
            assertEquals(9, jpeg.frame());
            assertEquals(640, jpeg.width());
            assertEquals(1, jpeg.detections());
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(jpeg.bytes()));
            assertEquals(480, img.getHeight());
        }
    }

    @Test
    void printsWhatACopyAndAnEncodeCostAt640x480() {
        Frame frame = new Frame();
        byte[] data = frame.reshape(640, 480, PixelFormat.BGR24);
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 >> 7);
        }
        AnnotatedJpeg jpeg = new AnnotatedJpeg(0.8);
        Frame copy = new Frame();
        List<Detection> boxes = List.of(new Detection("7", 7, 0.9, BOX));
        long copyNanos = 0;
        long encodeNanos = 0;
        int size = 0;
        for (int i = 0; i < 40; i++) {
            long t0 = System.nanoTime();
            copy.copyFrom(frame);
            long t1 = System.nanoTime();
            size = jpeg.encode(copy, boxes, "desk 7 0.90").length;
            long t2 = System.nanoTime();
            if (i >= 10) { // after warming up
                copyNanos += t1 - t0;
                encodeNanos += t2 - t1;
            }
        }
        System.out.printf("640x480: frame copy %.3f ms (camera thread), draw + JPEG encode %.1f ms (encoder thread),"
                + " %d bytes%n", copyNanos / 30 / 1e6, encodeNanos / 30 / 1e6, size);
        assertTrue(size > 1000);
    }

    /** A camera whose frames hold one "7" (or nothing), each frame filled with its own grey. */
    static final class Run {
        final BestSnapshots snapshots;
        final ObjectTracker tracker = new ObjectTracker(TrackerSettings.defaults());
        final Frame frame = new Frame();

        Run(BestSnapshots snapshots) {
            this.snapshots = snapshots;
        }

        void frame(long seq, double score) {
            see(seq, List.of(new Detection("7", 7, score, BOX)));
        }

        void none(long seq) {
            see(seq, List.of());
        }

        void see(long seq, List<Detection> detections) {
            byte[] data = frame.reshape(640, 480, PixelFormat.BGR24);
            Arrays.fill(data, 0, 640 * 480 * 3, (byte) fill(seq));
            long ts = 1_700_000_000_000L + seq * 100;
            frame.stamp(seq, seq * 100_000_000L, ts);
            tracker.update(ts, seq, detections);
            snapshots.tracked("desk", seq, tracker.live());
            DetectionRecord record = new DetectionRecord(1, "dev", "desk", "synthetic://x", seq,
                    Instant.ofEpochMilli(ts).toString(), 640, 480, null, null, null, detections);
            snapshots.frame("desk", frame, record);
        }
    }

    static int fill(long seq) {
        return (int) (20 + seq * 9 % 200);
    }

    static int background(byte[] jpeg) throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(jpeg));
        return img.getRGB(50, 50) & 0xFF;
    }

    static boolean boxDrawn(byte[] jpeg) throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(jpeg));
        int edge = img.getRGB(260, (int) (BOX.y() + BOX.h()));
        int r = (edge >> 16) & 0xFF;
        int g = (edge >> 8) & 0xFF;
        int b = edge & 0xFF;
        return Math.abs(r - b) > 40 || Math.abs(g - b) > 40;
    }

    static void await(List<Sent> sent, int n) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (sent.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(sent.size() >= n, "expected " + n + " snapshots, got " + sent.size());
    }
}
