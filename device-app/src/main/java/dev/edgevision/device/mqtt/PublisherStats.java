package dev.edgevision.device.mqtt;

/**
 * A snapshot of the publisher's figures, for logs and for the status and stats messages.
 *
 * @param broker the broker URI
 * @param connected whether a connection is up now
 * @param published messages the broker took: QoS 0 written to the connection, QoS 1 and 2 acknowledged
 * @param droppedOffline QoS 0 messages dropped because the broker was away or too slow to take them
 * @param droppedQueueFull messages dropped because the in-memory queue was full (or the publisher closed)
 * @param spooled QoS 1 and 2 messages written to the spool since start
 * @param spoolDropped spooled messages dropped: the oldest when a spool bound was reached, or unreadable
 * @param spoolMessages messages waiting in the spool now
 * @param spoolBytes bytes waiting in the spool now
 * @param reconnects connections made after the first one
 * @param lastError the last connection problem, naming the broker and the reason; null if none yet
 * @param lastErrorTs when it happened, ISO-8601 UTC; null if none yet
 * @param spoolSkipped what the spool's recovery skipped at start: messages lost to damaged bytes,
 *     records with impossible content set aside, stray files named like segments
 */
public record PublisherStats(String broker, boolean connected, long published, long droppedOffline,
        long droppedQueueFull, long spooled, long spoolDropped, int spoolMessages, long spoolBytes, long reconnects,
        String lastError, String lastErrorTs, long spoolSkipped) {
    /** Figures without the spool's recovery count (0). */
    public PublisherStats(String broker, boolean connected, long published, long droppedOffline,
            long droppedQueueFull, long spooled, long spoolDropped, int spoolMessages, long spoolBytes, long reconnects,
            String lastError, String lastErrorTs) {
        this(broker, connected, published, droppedOffline, droppedQueueFull, spooled, spoolDropped, spoolMessages,
                spoolBytes, reconnects, lastError, lastErrorTs, 0);
    }
}
