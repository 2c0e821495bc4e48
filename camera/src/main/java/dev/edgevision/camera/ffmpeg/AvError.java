package dev.edgevision.camera.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.nio.charset.StandardCharsets;

/** FFmpeg's negative error codes as words, with the fix for the ones cameras and streams produce. */
final class AvError {
    static final int EAGAIN = -11;
    static final int ENOENT = -2;
    static final int EACCES = -13;
    static final int EBUSY = -16;
    static final int ENODEV = -19;
    static final int EINVAL = -22;
    static final int EIO = -5;
    static final int ECONNREFUSED = -111;

    private AvError() {
    }

    static String text(int code) {
        byte[] buffer = new byte[256];
        if (av_strerror(code, buffer, buffer.length) < 0) {
            return "FFmpeg error " + code;
        }
        int end = 0;
        while (end < buffer.length && buffer[end] != 0) {
            end++;
        }
        return new String(buffer, 0, end, StandardCharsets.UTF_8);
    }

    /** What a user can do about {@code code} when opening a V4L2 camera, or "" if nothing specific. */
    static String v4l2Hint(int code) {
        return switch (code) {
            case ENOENT, ENODEV -> "; is the camera plugged in? list cameras with v4l2-ctl --list-devices";
            case EACCES -> "; the service user needs to be in the 'video' group";
            case EBUSY -> "; another program is using the camera";
            case EINVAL, EIO -> "; the camera may not offer the requested size, rate or format:"
                    + " list them with v4l2-ctl -d DEVICE --list-formats-ext";
            default -> "";
        };
    }

    /** What a user can do about {@code code} when opening a network stream, or "" if nothing specific. */
    static String streamHint(int code) {
        if (code == ECONNREFUSED) {
            return "; is the camera or server up, and the port right?";
        }
        String text = text(code);
        if (text.contains("401") || text.contains("Unauthorized")) {
            return "; wrong user or password in the URI";
        }
        if (text.contains("404") || text.contains("Not Found")) {
            return "; the server has no stream at that path";
        }
        return "";
    }
}
