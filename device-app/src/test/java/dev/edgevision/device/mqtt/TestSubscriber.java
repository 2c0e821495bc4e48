package dev.edgevision.device.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A Paho client that subscribes at QoS 1 and records what arrives, for assertions. */
final class TestSubscriber implements MqttCallback, AutoCloseable {
    /** One message as received. */
    record Received(String topic, String payload, boolean retained, int qos) {
    }

    private final MqttClient client;
    private final List<Received> received = new ArrayList<>();

    private TestSubscriber(MqttClient client) {
        this.client = client;
    }

    /** Connects with a clean session and subscribes to {@code filter}. */
    static TestSubscriber connect(String uri, String filter) throws MqttException {
        return connect(uri, "test-sub-" + System.nanoTime(), false, filter);
    }

    /**
     * Connects and subscribes; with {@code persistent} the broker keeps the session (clean session
     * off) and Paho reconnects by itself, about once a second.
     */
    static TestSubscriber connect(String uri, String clientId, boolean persistent, String filter) throws MqttException {
        // A broker that has just started (or restarted on the same port) now and then drops the very
        // first connection; a subscriber that gives up then would fail the test for the wrong reason.
        for (int attempt = 1; ; attempt++) {
            try {
                return connectOnce(uri, clientId, persistent, filter);
            } catch (MqttException e) {
                if (attempt == 3) {
                    throw e;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static TestSubscriber connectOnce(String uri, String clientId, boolean persistent, String filter)
            throws MqttException {
        MqttClient client = new MqttClient(uri, clientId, new MemoryPersistence());
        TestSubscriber subscriber = new TestSubscriber(client);
        client.setCallback(subscriber);
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(!persistent);
        options.setAutomaticReconnect(persistent);
        options.setMaxReconnectDelay(1000);
        options.setConnectionTimeout(5);
        options.setKeepAliveInterval(10);
        try {
            client.connect(options);
            client.subscribe(filter, 1);
        } catch (MqttException e) {
            client.close(true);
            throw e;
        }
        return subscriber;
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        synchronized (received) {
            received.add(new Received(topic, new String(message.getPayload(), StandardCharsets.UTF_8),
                    message.isRetained(), message.getQos()));
            received.notifyAll();
        }
    }

    @Override
    public void connectionLost(Throwable cause) {
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
    }

    boolean connected() {
        return client.isConnected();
    }

    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Waits until {@code done} holds for what arrived, or the time is up; returns what arrived. */
    List<Received> await(Predicate<List<Received>> done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (received) {
            while (!done.test(received)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                received.wait(Math.max(1, left / 1_000_000));
            }
            return List.copyOf(received);
        }
    }

    /** Waits for at least {@code count} messages. */
    List<Received> awaitCount(int count, Duration timeout) throws InterruptedException {
        return await(r -> r.size() >= count, timeout);
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(200);
            }
        } catch (MqttException e) {
            // the broker may be gone already
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            // nothing left to release
        }
    }
}
