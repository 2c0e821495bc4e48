package dev.edgevision.camera.ffmpeg;

import java.util.Map;

/**
 * What an {@link FfmpegDevice} opens and how.
 *
 * @param url what FFmpeg opens (password included)
 * @param shownAs the same for messages (password masked)
 * @param format FFmpeg input format to force ({@code video4linux2}), or null to probe
 * @param options demuxer and protocol options
 * @param kind file, camera or network stream: decides which failures are final and which hints apply
 * @param pace how a file is played
 * @param fps the rate for {@link Pace#FIXED_RATE}
 */
record FfmpegInput(String url, String shownAs, String format, Map<String, String> options, Kind kind, Pace pace,
        double fps) {
    enum Kind { FILE, CAMERA, STREAM }

    enum Pace {
        /** As fast as the consumer takes frames. */
        UNPACED,
        /** In real time by the file's own timestamps. */
        MEDIA_TIME,
        /** At {@code fps} frames per second, whatever the timestamps say. */
        FIXED_RATE
    }

    boolean live() {
        return kind != Kind.FILE;
    }
}
