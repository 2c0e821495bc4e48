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
                return tls(broker, t);
            }
            if (t instanceof java.net.SocketException && broker.toLowerCase(java.util.Locale.ROOT).startsWith("ssl://")
                    && String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("reset")) {
                return plainPort(broker);
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

    /** A TLS failure in words: which setting or certificate is at fault, from the JDK's message. */
    private static String tls(String broker, Throwable t) {
        String all = chain(t).toLowerCase(java.util.Locale.ROOT);
        if (all.contains("mqtt.tls.pin_sha256")) {
            return "the broker's certificate is trusted but its key is not the pinned one (" + pinMessage(t)
                    + "): if the broker's key was replaced on purpose, add its pin to mqtt.tls.pin_sha256";
        }
        if (all.contains("unrecognized ssl message") || all.contains("plaintext connection")
                || all.contains("remote host terminated the handshake")) {
            return plainPort(broker);
        }
        // Checks this side made come first: newer JDKs prefix them with the alert they send, e.g.
        // "(certificate_unknown) PKIX path validation failed"; the broker's own alerts are "Received fatal alert: X".
        if (all.contains("no subject alternative") || all.contains("no name matching")) {
            return "the broker's certificate does not name \"" + host(broker) + "\": give mqtt.broker a name or"
                    + " address the certificate lists, or issue the broker a certificate for it";
        }
        if (all.contains("certificateexpired") || all.contains("notafter") || all.contains("certificate expired")) {
            return "a certificate has expired (" + t.getMessage() + "): renew it, and check the device's clock";
        }
        if (all.contains("pkix path") || all.contains("certification path")) {
            return "the broker's certificate is not signed by a CA in mqtt.tls.ca (the JVM's CAs when it is unset):"
                    + " give the fleet CA's certificate";
        }
        if (all.contains("received fatal alert: certificate_required")
                || all.contains("received fatal alert: bad_certificate")) {
            return "the broker wants a client certificate it accepts: set mqtt.tls.cert and mqtt.tls.key to the"
                    + " device's identity (provision device writes them)";
        }
        if (all.contains("received fatal alert: unknown_ca") || all.contains("received fatal alert: certificate_unknown")) {
            return "the broker does not trust the device's certificate (mqtt.tls.cert): it must be signed by the"
                    + " CA the broker's cafile names";
        }
        return "TLS failed (" + t.getMessage() + "): check mqtt.tls.ca and the broker's certificate";
    }

    private static String pinMessage(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (String.valueOf(c.getMessage()).contains("mqtt.tls.pin_sha256") && c.getCause() == null) {
                return c.getMessage();
            }
        }
        return t.getMessage();
    }

    private static String plainPort(String broker) {
        return "the broker ended the TLS handshake without a word: does port " + port(broker) + " speak TLS?"
                + " A plain MQTT port does this to ssl://; use tcp:// for it, or the broker's TLS port";
    }

    private static String chain(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            b.append(c.getClass().getSimpleName()).append(": ").append(c.getMessage()).append(" | ");
        }
        return b.toString();
    }

    private static String port(String broker) {
        try {
            int port = java.net.URI.create(broker).getPort();
            return port < 0 ? "8883" : Integer.toString(port);
        } catch (IllegalArgumentException e) {
            return "?";
        }
    }

    private static String host(String broker) {
        try {
            return java.net.URI.create(broker).getHost();
        } catch (IllegalArgumentException e) {
            return broker;
        }
    }
}
