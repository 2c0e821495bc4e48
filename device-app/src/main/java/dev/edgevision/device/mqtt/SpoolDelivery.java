package dev.edgevision.device.mqtt;

import java.io.IOException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the spool's messages in order over the current connection, at most {@code maxInflight}
 * unacknowledged at a time, and removes each from the spool when the broker acknowledges it. A new
 * connection starts again at the oldest unacknowledged message (at least once, in order of first
 * arrival). Used from the sender thread; Paho's acknowledgements are posted back to it.
 */
final class SpoolDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(SpoolDelivery.class);

    /** Which message a delivery token belongs to, and on which connection it was sent. */
    private record Delivery(long seq, long connection) {
    }

    private final Spool spool;
    private final BrokerLink link;
    private final Counters counters;
    private final int maxInflight;
    private final Consumer<Runnable> onSender;
    private final BiConsumer<String, IOException> spoolFailure;
    private long connection;
    private long cursor;
    private int inflight;

    private final IMqttActionListener listener = new IMqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
            Delivery delivery = (Delivery) token.getUserContext();
            onSender.accept(() -> acknowledged(delivery));
        }

        @Override
        public void onFailure(IMqttToken token, Throwable failure) {
            Delivery delivery = (Delivery) token.getUserContext();
            onSender.accept(() -> notDelivered(delivery, failure));
        }
    };

    SpoolDelivery(Spool spool, BrokerLink link, Counters counters, int maxInflight, Consumer<Runnable> onSender,
            BiConsumer<String, IOException> spoolFailure) {
        this.spool = spool;
        this.link = link;
        this.counters = counters;
        this.maxInflight = maxInflight;
        this.onSender = onSender;
        this.spoolFailure = spoolFailure;
        this.cursor = spool.head();
    }

    /** A connection is up: everything not acknowledged goes again, oldest first. */
    void restart(long newConnection) {
        connection = newConnection;
        inflight = 0;
        cursor = spool.head();
        if (spool.size() > 0) {
            LOG.info("MQTT: sending {} spooled messages", spool.size());
        }
    }

    /** Sends the next messages while the window has room. */
    void send() {
        while (inflight < maxInflight && link.connected()) {
            SpooledMessage message;
            try {
                message = spool.next(cursor);
            } catch (IOException e) {
                spoolFailure.accept("reading", e);
                return;
            }
            if (message == null) {
                return;
            }
            try {
                link.publish(message.topic(), message.payload(), message.qos(), message.retained(),
                        new Delivery(message.seq(), connection), listener);
            } catch (MqttException e) {
                // Paho's window is full or the connection just dropped (its callback follows): try later.
                LOG.debug("MQTT: sending spooled message {} deferred: {}", message.seq(), e.toString());
                return;
            } catch (IllegalArgumentException e) {
                // Paho refuses the message itself (a topic it cannot publish): it never will, so it goes aside.
                try {
                    spool.setAside(message.seq(), "the MQTT client refuses it: " + e.getMessage());
                } catch (IOException io) {
                    spoolFailure.accept("setting aside a message", io);
                    return;
                }
                continue;
            }
            cursor = message.seq() + 1;
            inflight++;
        }
    }

    private void acknowledged(Delivery delivery) {
        counters.published.incrementAndGet();
        try {
            spool.remove(delivery.seq());
        } catch (IOException e) {
            spoolFailure.accept("deleting a delivered segment", e);
        }
        if (delivery.connection() == connection && inflight > 0) {
            inflight--;
        }
    }

    private void notDelivered(Delivery delivery, Throwable failure) {
        if (delivery.connection() != connection) {
            return; // that connection is gone; restart() already rewound
        }
        LOG.debug("MQTT: spooled message {} not delivered ({}); will send it again", delivery.seq(), failure.toString());
        inflight = Math.max(0, inflight - 1);
        cursor = Math.min(cursor, delivery.seq());
    }
}
