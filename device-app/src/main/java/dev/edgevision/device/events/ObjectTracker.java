package dev.edgevision.device.events;

import dev.edgevision.core.detect.BoundingBox;
import dev.edgevision.core.detect.Detection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * One camera's tracker. Each frame's detections continue the tracks of their label that they
 * overlap most (greedy by IoU, at least {@code minIou}); the others start tentative tracks. A track
 * seen in {@code minHits} frames is confirmed and sends {@code new}; a confirmed track sends
 * {@code update} when its top score rises, it moves, or it becomes stationary; a track unseen for
 * the grace period ends ({@code end} if it was confirmed, silently if not). Used from one thread.
 */
public final class ObjectTracker {
    private final TrackerSettings settings;
    private final List<Track> tracks = new ArrayList<>();
    private long created;

    public ObjectTracker(TrackerSettings settings) {
        this.settings = settings;
    }

    private final class Track {
        final String id;
        final String label;
        final long firstSeen;
        BoundingBox box;
        double score;
        double topScore;
        long topFrame;
        long topTs;
        long lastSeen;
        int hits;
        boolean confirmed;
        BoundingBox stillSince;
        long stillFrom;
        boolean stationary;
        TrackedObject reported;

        Track(Detection d, long ts, long frame) {
            this.id = ts + "-" + (++created);
            this.label = d.label();
            this.firstSeen = ts;
            see(d, ts, frame);
            stillSince = d.box();
            stillFrom = ts;
        }

        void see(Detection d, long ts, long frame) {
            box = d.box();
            score = d.score();
            if (d.score() > topScore) {
                topScore = d.score();
                topFrame = frame;
                topTs = ts;
            }
            lastSeen = ts;
            hits++;
            if (stillSince == null || moved(stillSince, box)) {
                stillSince = box;
                stillFrom = ts;
                stationary = false;
            } else if (ts - stillFrom >= settings.stationaryAfter().toMillis()) {
                stationary = true;
            }
        }

        TrackedObject object() {
            return new TrackedObject(id, label, score, topScore, box, Instant.ofEpochMilli(firstSeen).toString(),
                    Instant.ofEpochMilli(lastSeen).toString(), stationary, "frame " + topFrame);
        }
    }

    private boolean moved(BoundingBox a, BoundingBox b) {
        double dx = (a.x() + a.w() / 2) - (b.x() + b.w() / 2);
        double dy = (a.y() + a.h() / 2) - (b.y() + b.h() / 2);
        double size = Math.max(1, Math.max(a.w(), a.h()));
        return Math.hypot(dx, dy) > settings.stationaryFraction() * size;
    }

    /** Takes one frame's detections (captured at {@code tsMillis}) and returns the events they make. */
    public List<TrackEvent> update(long tsMillis, long frame, List<Detection> detections) {
        List<TrackEvent> events = new ArrayList<>();
        boolean[] used = new boolean[detections.size()];
        List<double[]> pairs = new ArrayList<>();
        for (int t = 0; t < tracks.size(); t++) {
            for (int d = 0; d < detections.size(); d++) {
                if (tracks.get(t).label.equals(detections.get(d).label())) {
                    double iou = tracks.get(t).box.iou(detections.get(d).box());
                    if (iou >= settings.minIou()) {
                        pairs.add(new double[] {iou, t, d});
                    }
                }
            }
        }
        pairs.sort(Comparator.comparingDouble((double[] p) -> -p[0]));
        boolean[] matched = new boolean[tracks.size()];
        for (double[] p : pairs) {
            int t = (int) p[1];
            int d = (int) p[2];
            if (matched[t] || used[d]) {
                continue;
            }
            matched[t] = true;
            used[d] = true;
            seen(tracks.get(t), detections.get(d), tsMillis, frame, events);
        }
        for (int d = 0; d < detections.size(); d++) {
            if (!used[d]) {
                Track track = new Track(detections.get(d), tsMillis, frame);
                tracks.add(track);
                confirmIfDue(track, events);
            }
        }
        endUnseen(tsMillis, events);
        return events;
    }

    private void seen(Track track, Detection d, long ts, long frame, List<TrackEvent> events) {
        double topBefore = track.topScore;
        boolean stationaryBefore = track.stationary;
        track.see(d, ts, frame);
        if (!track.confirmed) {
            confirmIfDue(track, events);
            return;
        }
        TrackedObject before = track.reported;
        if (track.topScore > topBefore || track.stationary != stationaryBefore || moved(before.box(), track.box)) {
            TrackedObject now = track.object();
            events.add(new TrackEvent("update", before, now));
            track.reported = now;
        }
    }

    private void confirmIfDue(Track track, List<TrackEvent> events) {
        if (track.hits >= settings.minHits()) {
            track.confirmed = true;
            track.reported = track.object();
            events.add(new TrackEvent("new", track.reported, track.reported));
        }
    }

    private void endUnseen(long now, List<TrackEvent> events) {
        for (Iterator<Track> it = tracks.iterator(); it.hasNext();) {
            Track track = it.next();
            if (now - track.lastSeen > settings.grace().toMillis()) {
                it.remove();
                if (track.confirmed) {
                    events.add(new TrackEvent("end", track.reported, track.object()));
                }
            }
        }
    }

    /**
     * A track as it stands after the latest {@link #update}: what snapshots need to know.
     *
     * @param id the track's id, as events carry it
     * @param label the class
     * @param confirmed whether it has sent {@code new}
     * @param topScore its best score so far
     * @param topFrame the frame (sequence) of that score
     * @param topTsMillis that frame's capture time
     */
    public record Live(String id, String label, boolean confirmed, double topScore, long topFrame, long topTsMillis) {
    }

    /** Every track still open (tentative and confirmed), in the order they started. */
    public List<Live> live() {
        List<Live> live = new ArrayList<>(tracks.size());
        for (Track t : tracks) {
            live.add(new Live(t.id, t.label, t.confirmed, t.topScore, t.topFrame, t.topTs));
        }
        return live;
    }

    /** Confirmed objects seen now, by label. */
    public java.util.Map<String, Integer> counts() {
        java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
        for (Track t : tracks) {
            if (t.confirmed) {
                counts.merge(t.label, 1, Integer::sum);
            }
        }
        return counts;
    }
}
