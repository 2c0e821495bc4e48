package dev.edgevision.device.mqtt;

import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publisher's one thread that touches the network and the spool. Each turn it runs what Paho's
 * callbacks posted, moves the hand-over queue on (QoS 0 straight to the connection or dropped,
 * QoS 1 and 2 into the spool, synced once per batch), starts a connection attempt when one is
 * due, sends the status when it changed or a connection came up, and lets {@link SpoolDelivery}
 * send from the spool. On close it flushes for a few seconds, publishes the offline status and
 * disconnects.
 */
final class SenderLoop implements Runnable, BrokerLink.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(SenderLoop.class);
    private static final int BATCH = 512;
    private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long CHECKPOINT_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long FLUSH_ON_CLOSE_NANOS = TimeUnit.SECONDS.toNanos(3);
    private static final int QOS0_BACKLOG = 1000;

    private final BlockingQueue<Outbound> queue;
    private final ConcurrentLinkedQueue<Runnable> posted = new ConcurrentLinkedQueue<>();
    private final Spool spool;
    private final Counters counters;
    private final int maxInflight;
    private final String statusTopic;
    private final Supplier<byte[]> onlineStatus;
    private final Supplier<byte[]> offlineStatus;
    private BrokerLink link;
    private SpoolDelivery delivery;
    private volatile Thread thread;
    private volatile boolean stopping;
    private volatile boolean statusDue;
    private boolean statusInFlight;
    private long connection;
    private int qos0Pending;
    private long lastCheckpointNanos = System.nanoTime();
    private long spoolErrors;

    SenderLoop(BlockingQueue<Outbound> queue, Spool spool, Counters counters, int maxInflight, String statusTopic,
            Supplier<byte[]> onlineStatus, Supplier<byte[]> offlineStatus) {
        this.queue = queue;
        this.spool = spool;
        this.counters = counters;
        this.maxInflight = maxInflight;
        this.statusTopic = statusTopic;
        this.onlineStatus = onlineStatus;
        this.offlineStatus = offlineStatus;
        updateSpoolFigures();
    }

    void attach(BrokerLink link, Thread thread) {
        this.link = link;
        this.delivery = new SpoolDelivery(spool, link, counters, maxInflight, this::post, this::spoolFailure);
        this.thread = thread;
    }

    /** Runs {@code task} on the sender thread soon; callable from any thread. */
    void post(Runnable task) {
        posted.add(task);
        wake();
    }

    void wake() {
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /** The service changed the status: send it when connected. */
    void statusChanged() {
        statusDue = true;
        wake();
    }

    /** Asks the loop to flush what it can and end; returns at once. */
    void stop() {
        stopping = true;
        wake();
    }

    @Override
    public void run() {
        while (!stopping) {
            try {
                turn();
            } catch (RuntimeException e) {
                LOG.error("MQTT sender: unexpected failure, carrying on", e);
            }
            long due = link.nanosUntilDue(System.nanoTime());
            long wait = Math.max(TimeUnit.MILLISECONDS.toNanos(1), Math.min(IDLE_NANOS, due));
            if (posted.isEmpty() && queue.isEmpty()) {
                LockSupport.parkNanos(this, wait);
            }
        }
        shutdown();
    }

    private void turn() {
        runPosted();
        drainQueue();
        link.maintain(System.nanoTime());
        if (link.connected()) {
            sendStatusIfDue();
            delivery.send();
        }
        if (System.nanoTime() - lastCheckpointNanos > CHECKPOINT_NANOS) {
            lastCheckpointNanos = System.nanoTime();
            try {
                spool.checkpoint();
            } catch (IOException e) {
                spoolFailure("recording the spool's head", e);
            }
        }
        updateSpoolFigures();
    }

    private void runPosted() {
        Runnable task;
        while ((task = posted.poll()) != null) {
            task.run();
        }
    }

    private void drainQueue() {
        boolean appended = false;
        Outbound message;
        for (int n = 0; n < BATCH && (message = queue.poll()) != null; n++) {
            byte[] payload;
            try {
                payload = message.payload().get();
            } catch (RuntimeException e) {
                LOG.error("MQTT: a message for {} could not be made; dropped it", message.topic(), e);
                continue;
            }
            if (message.qos() == 0) {
                sendQos0(message.topic(), payload, message.retained());
            } else {
                try {
                    if (spool.append(message.topic(), message.qos(), message.retained(), payload)) {
                        counters.spooled.incrementAndGet();
                        appended = true;
                    }
                } catch (IOException e) {
                    spoolFailure("writing a message for " + message.topic() + " (it is lost)", e);
                }
            }
        }
        if (appended) {
            try {
                spool.sync();
            } catch (IOException e) {
                spoolFailure("syncing", e);
            }
        }
    }

    private void sendQos0(String topic, byte[] payload, boolean retained) {
        if (!link.connected() || qos0Pending >= QOS0_BACKLOG) {
            counters.droppedOffline.incrementAndGet();
            return;
        }
        long sentOn = connection;
        try {
            link.publish(topic, payload, 0, retained, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    counters.published.incrementAndGet();
                    post(() -> qos0Done(sentOn));
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    counters.droppedOffline.incrementAndGet();
                    post(() -> qos0Done(sentOn));
                }
            });
            qos0Pending++;
        } catch (MqttException e) {
            counters.droppedOffline.incrementAndGet();
        }
    }

    private void qos0Done(long sentOn) {
        if (sentOn == connection && qos0Pending > 0) {
            qos0Pending--;
        }
    }

    private void sendStatusIfDue() {
        if (!statusDue || statusInFlight) {
            return;
        }
        statusDue = false;
        long sentOn = connection;
        try {
            link.publish(statusTopic, onlineStatus.get(), 1, true, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    post(() -> statusDone(sentOn, true));
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    post(() -> statusDone(sentOn, false));
                }
            });
            statusInFlight = true;
        } catch (MqttException e) {
            statusDue = true;
        }
    }

    private void statusDone(long sentOn, boolean delivered) {
        if (sentOn != connection) {
            return;
        }
        statusInFlight = false;
        if (!delivered) {
            statusDue = true;
        }
    }

    @Override
    public void linkUp() {
        connection++;
        qos0Pending = 0;
        statusInFlight = false;
        statusDue = true;
        delivery.restart(connection);
    }

    @Override
    public void linkDown() {
        // Nothing to undo here: linkUp() starts again at the oldest unacknowledged message.
    }

    private void shutdown() {
        while (!queue.isEmpty()) {
            drainQueue();
        }
        long deadline = System.nanoTime() + FLUSH_ON_CLOSE_NANOS;
        while (link.connected() && spool.size() > 0 && System.nanoTime() - deadline < 0) {
            runPosted();
            delivery.send();
            LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(5));
        }
        if (link.connected()) {
            sendOffline();
        }
        link.close(500);
        runPosted(); // acknowledgements that came in meanwhile still take their messages off the spool
        updateSpoolFigures();
        if (spool.size() > 0) {
            LOG.info("MQTT: {} messages stay in the spool {} for the next start", spool.size(), spool.dir());
        }
        try {
            spool.close();
        } catch (IOException e) {
            spoolFailure("closing", e);
        }
    }

    private void sendOffline() {
        try {
            IMqttDeliveryToken token = link.publish(statusTopic, offlineStatus.get(), 1, true, null, null);
            token.waitForCompletion(2000);
        } catch (MqttException e) {
            LOG.warn("MQTT: the offline status was not acknowledged before disconnecting: {}", e.toString());
        }
    }

    private void updateSpoolFigures() {
        counters.spoolMessages = spool.size();
        counters.spoolBytes = spool.bytes();
        counters.spoolDropped = spool.dropped();
        counters.spoolSkipped = spool.skipped();
    }

    private void spoolFailure(String what, IOException e) {
        spoolErrors++;
        String message = "MQTT spool " + spool.dir() + ": " + what + " failed: " + e + "; check the disk (full? read-only?)";
        counters.error(message);
        if (spoolErrors == 1 || spoolErrors % 100 == 0) {
            LOG.error("{} ({} spool errors so far)", message, spoolErrors);
        }
    }
}
