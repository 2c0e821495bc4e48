package dev.edgevision.device.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TopicsTest {
    private final Topics topics = new Topics("vision", "jetson-01");

    @Test
    void buildsTheContractsTopics() {
        assertEquals("vision/jetson-01/status", topics.status());
        assertEquals("vision/jetson-01/stats", topics.stats());
        assertEquals("vision/jetson-01/cam0/detections", topics.detections("cam0"));
        assertEquals("vision/jetson-01/cam0/events", topics.events("cam0"));
        assertEquals("vision/jetson-01/cmd/reload", topics.command("reload"));
        assertEquals("vision/jetson-01/cmd/#", topics.commands());
        assertEquals("vision/jetson-01/jobs/42/progress", topics.job("42/progress"));
        assertEquals("vision/jetson-01/jobs/#", topics.jobs());
        assertEquals("site-3/vision/d/status", new Topics("site-3/vision", "d").status());
    }

    @Test
    void rejectsNamesThatAreNotOneTopicLevel() {
        for (String bad : new String[] {"cam/0", "cam+", "#", "", "$SYS"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> topics.detections(bad));
            assertTrue(e.getMessage().startsWith("camera name: "), e.getMessage());
        }
        IllegalArgumentException device = assertThrows(IllegalArgumentException.class, () -> new Topics("vision", "a/b"));
        assertEquals("device id: \"a/b\" contains '/', which MQTT topic levels cannot hold; use letters, digits, '-' or '_'",
                device.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Topics("vision/+", "d"));
        assertThrows(IllegalArgumentException.class, () -> new Topics("/vision", "d"));
        assertThrows(IllegalArgumentException.class, () -> topics.command("a//b"));
        assertThrows(IllegalArgumentException.class, () -> topics.job(""));
    }
}
