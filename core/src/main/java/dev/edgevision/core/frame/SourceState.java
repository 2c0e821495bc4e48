package dev.edgevision.core.frame;

/** Life-cycle state of a frame source, as status reports show it. */
public enum SourceState {
    OPENING,
    STREAMING,
    /** Lost (unplugged, stream cut) and being reopened with back-off. */
    RECONNECTING,
    /** A finite source delivered everything. */
    ENDED,
    /** Closed by its owner. */
    CLOSED,
    /** Cannot work (bad URI, unreadable file); the reason is in the status. */
    FAILED
}
