package dev.edgevision.device.mqtt;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import org.eclipse.paho.client.mqttv3.MqttException;

/** Turns Paho's connection failures into one line that names the broker, the reason and what to check. */
final class BrokerErrors {
    private BrokerErrors() {
    }

    /** Why connecting to (or staying connected with) {@code broker} failed. */
    static String describe(String broker, Throwable failure) {
        return "MQTT broker " + broker + ": " + reason(broker, failure);
    }

    private static String reason(String broker, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return "unknown host \"" + host(broker) + "\": check mqtt.broker and the device's DNS";
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return "connection refused (" + t.getMessage() + "): is the broker running and listening there?"
                        + " check mqtt.broker";
            }
            if (t instanceof SocketTimeoutException) {
                return "timed out connecting: check the network and mqtt.broker";
            }
            if (t instanceof SSLException) {
                return "TLS failed (" + t.getMessage() + "): check mqtt.tls.ca and the broker's certificate";
            }
            if (t instanceof EOFException) {
                return "the broker closed the connection";
            }
        }
        if (failure instanceof MqttException e) {
            return switch (e.getReasonCode()) {
                case MqttException.REASON_CODE_FAILED_AUTHENTICATION ->
                        "bad user name or password: check mqtt.username/mqtt.password";
                case MqttException.REASON_CODE_NOT_AUTHORIZED ->
                        "not authorized: check mqtt.username/mqtt.password (and the broker's access rules)";
                case MqttException.REASON_CODE_INVALID_CLIENT_ID ->
                        "client id refused: check mqtt.client-id";
                case MqttException.REASON_CODE_BROKER_UNAVAILABLE ->
                        "the broker is unavailable (it refused the session); it may be starting or overloaded";
                case MqttException.REASON_CODE_INVALID_PROTOCOL_VERSION ->
                        "the broker refused MQTT 3.1.1";
                case MqttException.REASON_CODE_CLIENT_TIMEOUT ->
                        "no answer within mqtt.connect-timeout: check the network and mqtt.broker";
                case MqttException.REASON_CODE_CONNECTION_LOST -> "connection lost";
                default -> e.getMessage() + " (reason code " + e.getReasonCode() + ")";
            };
        }
        return failure.toString();
    }

    private static String host(String broker) {
        try {
            return java.net.URI.create(broker).getHost();
        } catch (IllegalArgumentException e) {
            return broker;
        }
    }
}
