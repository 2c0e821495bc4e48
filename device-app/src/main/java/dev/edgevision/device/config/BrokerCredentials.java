package dev.edgevision.device.config;

import dev.edgevision.core.io.Redaction;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Credentials written into the broker URI ({@code tcp://user:pass@host:1883}) become
 * {@code mqtt.username} and {@code mqtt.password}, and the URI that is kept, logged and published
 * holds none. Explicit {@code mqtt.username}/{@code mqtt.password} (or their environment variables)
 * win over the URI's.
 */
final class BrokerCredentials {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerCredentials.class);

    private BrokerCredentials() {
    }

    static ApplianceConfig moveOutOfUri(ApplianceConfig c) {
        ApplianceConfig.MqttSection m = c.mqtt();
        if (m == null || m.broker() == null) {
            return c;
        }
        String broker = m.broker().strip();
        int scheme = broker.indexOf("://");
        int at = broker.lastIndexOf('@');
        if (scheme < 0 || at < scheme) {
            return c;
        }
        String userInfo = broker.substring(scheme + 3, at);
        String bare = broker.substring(0, scheme + 3) + broker.substring(at + 1);
        int colon = userInfo.indexOf(':');
        String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
        String password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        Redaction.register(password);
        String username = m.username();
        String pass = m.password();
        if (username == null && pass == null) {
            username = user.isEmpty() ? null : user;
            pass = password;
        } else {
            LOG.warn("mqtt.broker {} carries a user name{}; mqtt.username and mqtt.password are used instead",
                    Redaction.text(broker), password == null ? "" : " and a password");
        }
        return new ApplianceConfig(c.device(), c.model(), c.cameras(), m.withBroker(bare, username, pass), c.tensorrt(),
                c.update(), c.pins(), c.homeassistant(), c.http());
    }

    /** Makes every password of {@code c} (MQTT, camera URIs) one that {@link Redaction} masks anywhere. */
    static void registerSecrets(ApplianceConfig c) {
        if (c.mqtt() != null) {
            Redaction.register(c.mqtt().password());
            Redaction.register(Redaction.password(c.mqtt().broker()));
        }
        if (c.cameras() != null) {
            c.cameras().stream().filter(camera -> camera != null && camera.uri() != null)
                    .forEach(camera -> Redaction.register(Redaction.password(camera.uri())));
        }
    }

    private static String decode(String part) {
        try {
            return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return part;
        }
    }
}
