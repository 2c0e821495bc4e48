package dev.edgevision.core.frame;

/**
 * What a {@link FrameSource#grab} call ended with. A timeout is a state, not an exception: the
 * caller decides whether to wait again.
 */
public enum CaptureStatus {
    /** A new frame is in the caller's buffer. */
    OK,
    /** No new frame arrived in time; the source keeps trying. */
    TIMEOUT,
    /** A finite source (file, folder) has delivered everything. */
    END_OF_STREAM,
    /** The source failed for good (see {@link FrameSource#status()}); reopening is being attempted or gave up. */
    ERROR
}
