package dev.edgevision.device.mqtt;

import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.net.SocketFactory;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection to the broker: one Paho client, connected again and again with back-off for as
 * long as the publisher lives. Paho's own automatic reconnect is off because it only starts after
 * a first success; here the first attempt and every later one follow the same rules. Paho's
 * callbacks only post work to the sender thread, which owns all state.
 */
final class BrokerLink implements MqttCallbackExtended {
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
    private final MqttAsyncClient client;
    private final Backoff backoff;
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
        this.socketFactory = settings.tls() && settings.tlsCa() != null ? BrokerTls.trusting(settings.tlsCa()) : null;
        if (settings.tlsCert() != null) {
            LOG.warn("mqtt.tls.cert/key are set but not used yet: client certificates come with device provisioning");
        }
        try {
            this.client = new MqttAsyncClient(settings.broker(), settings.clientId(), new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw new IllegalArgumentException("mqtt.broker " + settings.broker() + ": " + e.getMessage(), e);
        }
        client.setCallback(this);
    }

    /** Starts a connection attempt when none is up or under way and the back-off delay has passed. */
    void maintain(long nowNanos) {
        if (state != State.DISCONNECTED || nowNanos - nextAttemptNanos < 0) {
            return;
        }
        state = State.CONNECTING;
        try {
            client.connect(options(), null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    onSender.accept(BrokerLink.this::established);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    onSender.accept(() -> failed(failure, false));
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
        LOG.info("MQTT: connected to {} as {}{}", settings.broker(), settings.clientId(),
                failures > 0 ? " after " + failures + " failed attempts" : "");
        everConnected = true;
        failures = 0;
        lastReason = null;
        listener.linkUp();
    }

    private void failed(Throwable failure, boolean wasConnected) {
        if (state == State.CLOSED || (wasConnected && state != State.CONNECTED)) {
            return;
        }
        state = State.DISCONNECTED;
        counters.connected = false;
        String reason = BrokerErrors.describe(settings.broker(), failure);
        counters.error(reason);
        long delay = backoff.nextNanos();
        nextAttemptNanos = System.nanoTime() + delay;
        failures++;
        String next = String.format("next attempt in %.1f s; QoS 1 messages wait in the spool, QoS 0 are dropped",
                delay / 1e9);
        if (wasConnected) {
            LOG.warn("{} (connection lost); {}", reason, next);
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

    @Override
    public void connectionLost(Throwable cause) {
        onSender.accept(() -> failed(cause, true));
    }

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
        // connected() reacts through the connect listener
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        // the publisher subscribes to nothing (commands come with a later issue)
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
        // each publish has its own listener
    }

    boolean connected() {
        return state == State.CONNECTED;
    }

    /** When the next connection attempt is due, in {@link System#nanoTime()} terms. */
    long nextAttemptNanos() {
        return nextAttemptNanos;
    }

    IMqttDeliveryToken publish(String topic, byte[] payload, int qos, boolean retained, Object context,
            IMqttActionListener listener) throws MqttException {
        return client.publish(topic, payload, qos, retained, context, listener);
    }

    /** Ends the connection cleanly (DISCONNECT, so the broker discards the will) and releases the client. */
    void close(long quiesceMillis) {
        boolean wasConnected = state == State.CONNECTED;
        state = State.CLOSED;
        counters.connected = false;
        try {
            if (wasConnected) {
                client.disconnect(quiesceMillis).waitForCompletion(quiesceMillis + 1000);
            } else {
                client.disconnectForcibly(0, 100, false);
            }
        } catch (MqttException e) {
            LOG.debug("MQTT: disconnect from {}: {}", settings.broker(), e.toString());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("MQTT: closing the client: {}", e.toString());
        }
    }
}
