package dev.edgevision.device.mqtt;

import dev.edgevision.core.io.Redaction;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** The publisher's live figures, written by its threads and read as a {@link PublisherStats}. */
final class Counters {
    final AtomicLong published = new AtomicLong();
    final AtomicLong droppedOffline = new AtomicLong();
    final AtomicLong droppedQueueFull = new AtomicLong();
    final AtomicLong spooled = new AtomicLong();
    final AtomicLong reconnects = new AtomicLong();
    volatile boolean connected;
    volatile long spoolDropped;
    volatile long spoolSkipped;
    volatile int spoolMessages;
    volatile long spoolBytes;
    private volatile String lastError;
    private volatile String lastErrorTs;
    private final String broker;

    Counters(String broker) {
        this.broker = Redaction.text(broker);
    }

    void error(String message) {
        lastError = Redaction.text(message);
        lastErrorTs = Instant.now().toString();
    }

    String lastError() {
        return lastError;
    }

    PublisherStats snapshot() {
        return new PublisherStats(broker, connected, published.get(), droppedOffline.get(), droppedQueueFull.get(),
                spooled.get(), spoolDropped, spoolMessages, spoolBytes, reconnects.get(), lastError, lastErrorTs,
                spoolSkipped);
    }
}
