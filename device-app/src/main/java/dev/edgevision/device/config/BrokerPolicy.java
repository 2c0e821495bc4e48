package dev.edgevision.device.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * Which broker connections a configuration may ask for. Plain {@code tcp://} carries the device's
 * detections and commands unencrypted and unauthenticated, so it is allowed only to this machine
 * (a loopback address or {@code localhost}: the demo, tests, a broker on the device itself) unless
 * {@code mqtt.allow_plaintext: true} says otherwise; anything else must be {@code ssl://}. Client
 * certificate and key come as a pair, and only with {@code ssl://}.
 */
final class BrokerPolicy {
    private BrokerPolicy() {
    }

    static void check(ApplianceConfig.MqttSection mqtt, List<String> problems) {
        String broker = mqtt.broker();
        if (broker != null && broker.startsWith("tcp://") && !Boolean.TRUE.equals(mqtt.allowPlaintext())
                && !isLoopback(broker)) {
            problems.add("mqtt.broker '" + broker + "' is plain TCP to another machine: use ssl:// with mqtt.tls"
                    + " (the certificates 'provision' makes), or set mqtt.allow_plaintext: true to accept an"
                    + " unencrypted connection");
        }
        ApplianceConfig.TlsSection tls = mqtt.tls();
        if (tls == null) {
            return;
        }
        if ((tls.cert() == null) != (tls.key() == null)) {
            problems.add("mqtt.tls.cert and mqtt.tls.key: give both (the device's certificate and its key) or neither");
        }
        if (broker != null && broker.startsWith("tcp://") && (tls.ca() != null || tls.cert() != null)) {
            problems.add("mqtt.tls is set but mqtt.broker '" + broker + "' is tcp://; use ssl://HOST:8883");
        }
        if (tls.pinSha256() != null) {
            for (String pin : tls.pinSha256()) {
                if (!PublicKeyPin.isPin(pin)) {
                    problems.add("mqtt.tls.pin_sha256 entry '" + pin + "' is not the base64 of a SHA-256 (44 characters"
                            + " ending in '='); make it with: openssl x509 -in broker.crt -pubkey -noout | openssl pkey"
                            + " -pubin -outform der | openssl dgst -sha256 -binary | base64");
                }
            }
        }
        for (String[] file : new String[][] {{"ca", tls.ca()}, {"cert", tls.cert()}, {"key", tls.key()}}) {
            if (file[1] != null && file[1].isBlank()) {
                problems.add("mqtt.tls." + file[0] + " is empty: give the path of a PEM file or leave the key out");
            }
        }
    }

    /** True when the URI's host is {@code localhost} or a loopback address literal (no name lookup). */
    static boolean isLoopback(String broker) {
        try {
            String host = new URI(broker).getHost();
            if (host == null) {
                return false;
            }
            host = host.toLowerCase(Locale.ROOT);
            if (host.equals("localhost") || host.endsWith(".localhost")) {
                return true;
            }
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            if (!host.matches("\\d{1,3}(\\.\\d{1,3}){3}") && !(host.contains(":") && host.matches("[0-9a-f:.]+"))) {
                return false;
            }
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (URISyntaxException | java.net.UnknownHostException e) {
            return false;
        }
    }
}
