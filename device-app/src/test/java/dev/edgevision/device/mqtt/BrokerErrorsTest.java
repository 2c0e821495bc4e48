package dev.edgevision.device.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import java.net.UnknownHostException;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.junit.jupiter.api.Test;

class BrokerErrorsTest {
    private static final String BROKER = "tcp://broker.example:1883";

    @Test
    void namesTheBrokerTheReasonAndWhatToCheck() {
        assertEquals("MQTT broker tcp://broker.example:1883: not authorized: check mqtt.username/mqtt.password"
                        + " (and the broker's access rules)",
                BrokerErrors.describe(BROKER, new MqttSecurityException(MqttException.REASON_CODE_NOT_AUTHORIZED)));
        assertEquals("MQTT broker tcp://broker.example:1883: bad user name or password: check mqtt.username/mqtt.password",
                BrokerErrors.describe(BROKER, new MqttSecurityException(MqttException.REASON_CODE_FAILED_AUTHENTICATION)));
        assertEquals("MQTT broker tcp://broker.example:1883: unknown host \"broker.example\": check mqtt.broker and the"
                        + " device's DNS",
                BrokerErrors.describe(BROKER, new MqttException(new UnknownHostException("broker.example"))));
        assertEquals("MQTT broker tcp://broker.example:1883: connection refused (Connection refused): is the broker"
                        + " running and listening there? check mqtt.broker",
                BrokerErrors.describe(BROKER, new MqttException(MqttException.REASON_CODE_SERVER_CONNECT_ERROR,
                        new ConnectException("Connection refused"))));
    }
}
