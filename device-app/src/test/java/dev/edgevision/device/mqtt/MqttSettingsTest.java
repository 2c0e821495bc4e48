package dev.edgevision.device.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MqttSettingsTest {
    @TempDir
    Path dir;

    @Test
    void defaultsAreValidAndFollowTheContract() {
        MqttSettings s = MqttSettings.builder("tcp://localhost:1883", "jetson-01", dir).build();
        assertEquals(List.of(), s.problems());
        assertEquals("vision", s.topicPrefix());
        assertEquals(0, s.detectionsQos());
        assertEquals("edgevision-jetson-01", s.clientId());
        assertFalse(s.tls());
    }

    @Test
    void problemsNameTheKeyAndTheBadValue() {
        MqttSettings s = MqttSettings.builder("http://broker:1883", "cam/1", dir)
                .credentials(null, "secret")
                .detectionsQos(3)
                .topicPrefix("vision/#")
                .reconnectDelay(Duration.ofSeconds(10), Duration.ofSeconds(1))
                .spoolBounds(100, 0)
                .tls(dir.resolve("missing-ca.pem"), null, null)
                .build();
        List<String> problems = s.problems();
        assertHas(problems, "mqtt.broker: \"http://broker:1883\" is not tcp:// or ssl://");
        assertHas(problems, "mqtt.device-id: \"cam/1\" contains '/'");
        assertHas(problems, "mqtt.password: is set but mqtt.username is not");
        assertHas(problems, "mqtt.detections-qos: 3 is not a QoS; use 0, 1 or 2");
        assertHas(problems, "mqtt.topic-prefix: \"vision/#\" has a bad level");
        assertHas(problems, "mqtt.reconnect.max-delay: PT1S is shorter than mqtt.reconnect.min-delay PT10S");
        assertHas(problems, "mqtt.spool.max-bytes: 100 is too small");
        assertHas(problems, "mqtt.spool.max-messages: 0 must be at least 1");
        assertHas(problems, "mqtt.tls.ca: " + dir.resolve("missing-ca.pem") + " does not exist");
        assertEquals(9, problems.size(), problems.toString());
    }

    @Test
    void passwordIsMaskedWhenPrinted() {
        MqttSettings s = MqttSettings.builder("ssl://broker:8883", "d", dir).credentials("user", "hunter2").build();
        assertFalse(s.toString().contains("hunter2"), s.toString());
        assertTrue(s.toString().contains("password=****"), s.toString());
        assertTrue(s.toString().contains("username=user"), s.toString());
        assertTrue(s.tls());
    }

    private static void assertHas(List<String> problems, String start) {
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(start)), () -> "no \"" + start + "\" in " + problems);
    }
}
