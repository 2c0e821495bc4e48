package dev.edgevision.trainer.deploy;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.BiConsumer;
import javax.net.ssl.SSLException;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The workstation's one MQTT connection for a deploy (Paho, MQTT 3.1.1, clean session): it
 * connects or fails with a message naming the broker, the reason and the option to check;
 * reconnects by itself and tells {@code onReconnect} so subscriptions can be made again. Messages
 * go to one handler on Paho's thread, which must not block.
 */
public final class BrokerSession implements AutoCloseable {
    static final int CONNECT_SECONDS = 10;
    static final long WAIT_MILLIS = 30_000;

    private final MqttAsyncClient client;
    private final BrokerOptions options;

    private BrokerSession(MqttAsyncClient client, BrokerOptions options) {
        this.client = client;
        this.options = options;
    }

    /**
     * Connects to the broker; {@code handler} hears every message of every subscription,
     * {@code onReconnect} runs after the connection came back.
     *
     * @throws IOException naming the broker and what to check when it cannot be reached or refuses us
     */
    public static BrokerSession connect(BrokerOptions options, BiConsumer<String, byte[]> handler,
            Runnable onReconnect) throws IOException {
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        String clientId = "edgevision-deploy-" + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(random);
        MqttAsyncClient client;
        try {
            client = new MqttAsyncClient(options.broker(), clientId, new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw new IOException("--broker " + options.broker() + ": " + e.getMessage());
        }
        client.setCallback(new MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
                if (reconnect) {
                    onReconnect.run();
                }
            }

            @Override
            public void connectionLost(Throwable cause) {
                System.err.println("deploy: lost the broker: " + describe(options, cause) + "; reconnecting");
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                handler.accept(topic, message.getPayload());
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        MqttConnectOptions connect = new MqttConnectOptions();
        connect.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        connect.setCleanSession(true);
        connect.setAutomaticReconnect(true);
        connect.setMaxReconnectDelay(10_000);
        connect.setConnectionTimeout(CONNECT_SECONDS);
        connect.setKeepAliveInterval(30);
        connect.setMaxInflight(1024);
        if (options.username() != null) {
            connect.setUserName(options.username());
        }
        if (options.password() != null) {
            connect.setPassword(options.password());
        }
        if (options.tls() && (options.tlsCa() != null || options.tlsCert() != null)) {
            connect.setSocketFactory(BrokerTls.context(options).getSocketFactory());
        }
        try {
            client.connect(connect).waitForCompletion((CONNECT_SECONDS + 5) * 1000L);
        } catch (MqttException e) {
            closeQuietly(client);
            throw new IOException(describe(options, e), e);
        }
        return new BrokerSession(client, options);
    }

    /** Subscribes to {@code filters} at QoS 1 and waits for the broker's answer. */
    public void subscribe(String... filters) throws IOException {
        int[] qos = new int[filters.length];
        java.util.Arrays.fill(qos, 1);
        try {
            IMqttToken token = client.subscribe(filters, qos);
            token.waitForCompletion(WAIT_MILLIS);
            for (int granted : token.getGrantedQos()) {
                if (granted == 0x80) {
                    throw new IOException("the broker " + options.broker() + " refused the subscription to "
                            + String.join(", ", filters) + ": check the access rules for --username");
                }
            }
        } catch (MqttException e) {
            throw new IOException(describe(options, e), e);
        }
    }

    /** Publishes at QoS 1 without waiting; the token tells when the broker has it. */
    public IMqttDeliveryToken publish(String topic, byte[] payload, boolean retained) throws IOException {
        try {
            return client.publish(topic, payload, 1, retained);
        } catch (MqttException e) {
            throw new IOException("could not publish on " + topic + ": " + describe(options, e), e);
        }
    }

    /** Publishes at QoS 1 and waits until the broker acknowledged it. */
    public void publishAndWait(String topic, byte[] payload, boolean retained) throws IOException {
        try {
            publish(topic, payload, retained).waitForCompletion(WAIT_MILLIS);
        } catch (MqttException e) {
            throw new IOException("could not publish on " + topic + ": " + describe(options, e), e);
        }
    }

    public boolean connected() {
        return client.isConnected();
    }

    /** One line naming the broker, the reason and the option to check. */
    static String describe(BrokerOptions options, Throwable failure) {
        return "MQTT broker " + options.broker() + ": " + reason(options, failure);
    }

    private static String reason(BrokerOptions options, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return "unknown host \"" + options.host() + "\": check --broker";
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return "cannot connect (" + t.getMessage() + "): is the broker running and listening there?"
                        + " check --broker";
            }
            if (t instanceof SocketTimeoutException) {
                return "timed out connecting: check the network and --broker";
            }
            if (t instanceof SSLException) {
                return "TLS failed (" + t.getMessage() + "): check --tls-ca, --tls-cert/--tls-key and the broker's"
                        + " certificate";
            }
            if (t instanceof EOFException) {
                return "the broker closed the connection";
            }
        }
        if (failure instanceof MqttException e) {
            return switch (e.getReasonCode()) {
                case MqttException.REASON_CODE_FAILED_AUTHENTICATION ->
                        "bad user name or password: check --username and EDGEVISION_MQTT_PASSWORD (or --password-file)";
                case MqttException.REASON_CODE_NOT_AUTHORIZED ->
                        "not authorized (a bad user name or password, or one the broker does not let in): check"
                                + " --username and EDGEVISION_MQTT_PASSWORD (or --password-file)";
                case MqttException.REASON_CODE_BROKER_UNAVAILABLE -> "the broker is unavailable; try again shortly";
                case MqttException.REASON_CODE_CLIENT_TIMEOUT, MqttException.REASON_CODE_SERVER_CONNECT_ERROR ->
                        "no answer within " + CONNECT_SECONDS + " s: is the broker running there? check --broker";
                case MqttException.REASON_CODE_CONNECTION_LOST -> "connection lost";
                default -> e.getMessage() + " (reason code " + e.getReasonCode() + ")";
            };
        }
        return failure.toString();
    }

    private static void closeQuietly(MqttAsyncClient client) {
        try {
            client.close(true);
        } catch (MqttException ignored) {
            // closing a client that never connected
        }
    }

    /** Disconnects cleanly (waiting a little for messages in flight), then closes. */
    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(2000).waitForCompletion(5000);
            }
        } catch (MqttException ignored) {
            // the broker went away; nothing more to deliver
        }
        closeQuietly(client);
    }
}
