package dev.edgevision.device.mqtt;

import dev.edgevision.core.io.Redaction;
import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.net.SocketFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.MqttTopic;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection to the broker, made again and again with back-off for as long as the publisher
 * lives. Paho's automatic reconnect is off because it only starts after a first success; here the
 * first attempt and every later one follow the same rules. Each attempt gets a fresh Paho client
 * (the old one is closed), and an attempt that gets no CONNACK within the connect timeout is
 * abandoned: Paho's asynchronous connect would wait for a hung broker forever. Paho's callbacks
 * only post work to the sender thread, which owns all state; callbacks of an earlier attempt are
 * ignored.
 */
final class BrokerLink {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerLink.class);

    /** What the sender thread hears about the connection. */
    interface Listener {
        /** A connection is up; everything not acknowledged before must be sent again. */
        void linkUp();

        /** The connection is gone. */
        void linkDown();
    }

    private enum State { DISCONNECTED, CONNECTING, CONNECTED, CLOSED }

    private final MqttSettings settings;
    private final Counters counters;
    private final Consumer<Runnable> onSender;
    private final Listener listener;
    private final String willTopic;
    private final Supplier<byte[]> will;
    private final SocketFactory socketFactory;
    private final Backoff backoff;
    private final Map<String, BiConsumer<String, byte[]>> subscriptions = new ConcurrentHashMap<>();
    private MqttAsyncClient client;
    private long attempts;
    private long attemptDeadlineNanos;
    private State state = State.DISCONNECTED;
    private long nextAttemptNanos = System.nanoTime();
    private boolean everConnected;
    private int failures;
    private String lastReason;

    /**
     * @param onSender runs a task on the sender thread
     * @param will the last-will payload, made afresh for every connection
     */
    BrokerLink(MqttSettings settings, Counters counters, Consumer<Runnable> onSender, Listener listener,
            String willTopic, Supplier<byte[]> will) throws IOException {
        this.settings = settings;
        this.counters = counters;
        this.onSender = onSender;
        this.listener = listener;
        this.willTopic = willTopic;
        this.will = will;
        this.backoff = new Backoff(settings.reconnectMinDelay(), settings.reconnectMaxDelay());
        this.socketFactory = settings.tls() && (settings.tlsCa() != null || settings.tlsCert() != null
                || !settings.tlsPins().isEmpty())
                ? BrokerTls.forBroker(settings.tlsCa(), settings.tlsCert(), settings.tlsKey(), settings.tlsPins()) : null;
        newClient(); // fails here, at start, on a URI Paho does not take
    }

    private void newClient() {
        MqttAsyncClient created;
        try {
            created = new MqttAsyncClient(settings.broker(), settings.clientId(), new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw new IllegalArgumentException(Redaction.text("mqtt.broker " + settings.broker() + ": " + e.getMessage()), e);
        }
        created.setCallback(new MqttCallbackExtended() {
            @Override
            public void connectionLost(Throwable cause) {
                onSender.accept(() -> {
                    if (created == client) {
                        failed(cause, true);
                    }
                });
            }

            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
                // established() reacts through the connect listener
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                deliver(topic, message.getPayload());
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // each publish has its own listener
            }
        });
        client = created;
    }

    /**
     * Starts a connection attempt when none is up or under way and the back-off delay has passed;
     * abandons an attempt that has outlived the connect timeout.
     */
    void maintain(long nowNanos) {
        if (state == State.CONNECTING && nowNanos - attemptDeadlineNanos > 0) {
            failed(new MqttException(MqttException.REASON_CODE_CLIENT_TIMEOUT), false);
            return;
        }
        if (state != State.DISCONNECTED || nowNanos - nextAttemptNanos < 0) {
            return;
        }
        if (attempts > 0) {
            release();
            newClient();
        }
        attempts++;
        MqttAsyncClient current = client;
        state = State.CONNECTING;
        attemptDeadlineNanos = nowNanos + settings.connectTimeout().toNanos() + 500_000_000L;
        try {
            client.connect(options(), null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    onSender.accept(() -> {
                        if (current == client) {
                            established();
                        }
                    });
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    onSender.accept(() -> {
                        if (current == client) {
                            failed(failure, false);
                        }
                    });
                }
            });
        } catch (MqttException | RuntimeException e) {
            failed(e, false);
        }
    }

    private MqttConnectOptions options() {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setKeepAliveInterval((int) settings.keepAlive().toSeconds());
        options.setConnectionTimeout((int) Math.max(1, settings.connectTimeout().toSeconds()));
        options.setMaxInflight(settings.maxInflight() + 2);
        if (settings.username() != null) {
            options.setUserName(settings.username());
        }
        if (settings.password() != null) {
            options.setPassword(settings.password().toCharArray());
        }
        if (socketFactory != null) {
            options.setSocketFactory(socketFactory);
        }
        // The broker's certificate must name the host mqtt.broker gives (Paho checks it when asked).
        options.setHttpsHostnameVerificationEnabled(true);
        options.setWill(willTopic, will.get(), 1, true);
        return options;
    }

    private void established() {
        if (state != State.CONNECTING) {
            return;
        }
        state = State.CONNECTED;
        counters.connected = true;
        backoff.reset();
        if (everConnected) {
            counters.reconnects.incrementAndGet();
        }
        LOG.info("MQTT: connected to {} as {}{}", shownBroker(), settings.clientId(),
                failures > 0 ? " after " + failures + " failed attempts" : "");
        everConnected = true;
        failures = 0;
        lastReason = null;
        subscriptions.keySet().forEach(this::subscribeNow);
        listener.linkUp();
    }

    /**
     * Subscribes to {@code filter} at QoS 1 now if connected and on every connection from now on;
     * {@code handler} gets each message (on the client's thread: it must hand the work over).
     */
    void subscribe(String filter, BiConsumer<String, byte[]> handler) {
        subscriptions.put(filter, handler);
        if (state == State.CONNECTED) {
            subscribeNow(filter);
        }
    }

    private void subscribeNow(String filter) {
        try {
            client.subscribe(filter, 1);
        } catch (MqttException | RuntimeException e) {
            LOG.warn("MQTT: cannot subscribe to {} on {}: {}", filter, shownBroker(), e.toString());
        }
    }

    private void deliver(String topic, byte[] payload) {
        subscriptions.forEach((filter, handler) -> {
            if (MqttTopic.isMatched(filter, topic)) {
                handler.accept(topic, payload);
            }
        });
    }

    private void failed(Throwable failure, boolean wasConnected) {
        if (state != (wasConnected ? State.CONNECTED : State.CONNECTING)) {
            return;
        }
        state = State.DISCONNECTED;
        counters.connected = false;
        String reason = Redaction.text(BrokerErrors.describe(settings.broker(), failure));
        counters.error(reason);
        long delay = backoff.nextNanos();
        nextAttemptNanos = System.nanoTime() + delay;
        failures++;
        String next = String.format("next attempt in %.1f s; QoS 1 messages wait in the spool, QoS 0 are dropped",
                delay / 1e9);
        if (wasConnected) {
            LOG.warn("{}{}; {}", reason, reason.endsWith("connection lost") ? "" : " (connection lost)", next);
            listener.linkDown();
        } else if (failures == 1 || !reason.equals(lastReason)) {
            LOG.warn("{}; {}", reason, next);
        } else if (failures % 10 == 0) {
            LOG.warn("{} (still, {} attempts); {}", reason, failures, next);
        } else {
            LOG.debug("{} (attempt {}); {}", reason, failures, next);
        }
        lastReason = reason;
    }

    boolean connected() {
        return state == State.CONNECTED;
    }

    /** How long until {@link #maintain} has something to do: start an attempt or abandon one. */
    long nanosUntilDue(long nowNanos) {
        return switch (state) {
            case DISCONNECTED -> nextAttemptNanos - nowNanos;
            case CONNECTING -> attemptDeadlineNanos - nowNanos;
            default -> Long.MAX_VALUE;
        };
    }

    IMqttDeliveryToken publish(String topic, byte[] payload, int qos, boolean retained, Object context,
            IMqttActionListener listener) throws MqttException {
        return client.publish(topic, payload, qos, retained, context, listener);
    }

    /** Ends the connection cleanly (DISCONNECT, so the broker discards the will) and releases the client. */
    void close(long quiesceMillis) {
        if (state == State.CONNECTED) {
            try {
                client.disconnect(quiesceMillis).waitForCompletion(quiesceMillis + 1000);
            } catch (MqttException e) {
                LOG.debug("MQTT: disconnect from {}: {}", shownBroker(), e.toString());
            }
        }
        state = State.CLOSED;
        counters.connected = false;
        release();
    }

    /** Drops the current client's connection, if any, and its threads. */
    private void release() {
        try {
            client.disconnectForcibly(0, 100, false);
        } catch (MqttException e) {
            LOG.debug("MQTT: dropping the connection to {}: {}", shownBroker(), e.toString());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("MQTT: closing the client: {}", e.toString());
        }
    }

    /** The broker URI for logs: any password masked. */
    private String shownBroker() {
        return Redaction.text(settings.broker());
    }
}
