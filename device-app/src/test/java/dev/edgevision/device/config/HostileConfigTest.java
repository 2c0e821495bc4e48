package dev.edgevision.device.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration files and environments that are wrong, careless or hostile. */
@Tag("bad-input")
class HostileConfigTest {
    @TempDir
    Path dir;

    static final String BASE = """
            device:
              id: jetson-01
            model:
              bundle: models/digits.vbundle
            cameras:
              - name: cam0
                uri: 'rtsp://admin:Cam/Pw@9@10.0.0.5:8554/live'
            mqtt:
              broker: %s
            """;

    Path write(String yaml) throws Exception {
        return Files.writeString(dir.resolve("appliance.yaml"), yaml);
    }

    @Test
    void aPasswordFromTheEnvironmentWithoutAUserNameIsRefusedNamingBoth() throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(
                write(BASE.formatted("tcp://127.0.0.1:1883")), Map.of("EDGEVISION_MQTT_PASSWORD", "lonely-pw")));
        assertTrue(e.getMessage().contains("EDGEVISION_MQTT_PASSWORD") && e.getMessage().contains("mqtt.username"),
                e.getMessage());
        assertFalse(e.getMessage().contains("lonely-pw"), e.getMessage());
    }

    @Test
    void brokerUriCredentialsBecomeUserAndPasswordAndLeaveTheUri() throws Exception {
        ApplianceConfig c = ConfigLoader.load(write(BASE.formatted("tcp://dev:Br%2Fk@127.0.0.1:1884")), Map.of());
        assertEquals("tcp://127.0.0.1:1884", c.mqtt().broker());
        assertEquals("dev", c.mqtt().username());
        assertEquals("Br/k", c.mqtt().password());
        String dump = ConfigLoader.describe(c);
        assertFalse(dump.contains("Br/k") || dump.contains("Br%2Fk") || dump.contains("Cam/Pw@9"), dump);
    }

    @Test
    void explicitCredentialsWinOverTheUris() throws Exception {
        ApplianceConfig c = ConfigLoader.load(write(BASE.formatted("tcp://dev:UriPw-1@127.0.0.1:1884")
                + "  username: appliance\n"), Map.of("EDGEVISION_MQTT_PASSWORD", "EnvPw-1"));
        assertEquals("tcp://127.0.0.1:1884", c.mqtt().broker());
        assertEquals("appliance", c.mqtt().username());
        assertEquals("EnvPw-1", c.mqtt().password());
    }

    @Test
    void theMaskedDumpKeepsPortsAndEnvironmentValuesAndSaysWhereTheyCameFrom() throws Exception {
        Map<String, String> env = Map.of("EDGEVISION_MQTT_BROKER", "ssl://broker.example:8884",
                "EDGEVISION_DEVICE_ID", "nano-7", "EDGEVISION_MQTT_USERNAME", "dev", "EDGEVISION_MQTT_PASSWORD", "EnvPw-2");
        ApplianceConfig c = ConfigLoader.load(write(BASE.formatted("tcp://127.0.0.1:1883")), env);
        String dump = ConfigLoader.describe(c, env);
        assertTrue(dump.contains("ssl://broker.example:8884"), dump);
        assertTrue(dump.contains("nano-7"), dump);
        assertTrue(dump.contains("rtsp://admin:***@10.0.0.5:8554/live"), dump);
        assertTrue(dump.contains("# from the environment: EDGEVISION_DEVICE_ID, EDGEVISION_MQTT_BROKER,"
                + " EDGEVISION_MQTT_USERNAME, EDGEVISION_MQTT_PASSWORD"), dump);
        assertFalse(dump.contains("EnvPw-2") || dump.contains("Cam/Pw@9"), dump);
    }

    @Test
    void aBinaryFileIsNamedAsSuchWithoutEchoingItsBytes() throws Exception {
        byte[] junk = new byte[4096];
        new Random(3).nextBytes(junk);
        Path file = Files.write(dir.resolve("appliance.yaml"), junk);
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, Map.of()));
        assertTrue(e.getMessage().contains("is not a text file") && e.getMessage().contains(file.toString()),
                e.getMessage());
        assertTrue(e.getMessage().chars().allMatch(ch -> ch >= 0x20 && ch < 0x7f), e.getMessage());
        Path latin1 = Files.write(dir.resolve("latin1.yaml"), "device:\n  id: caf\u00e9\n".getBytes("ISO-8859-1"));
        ConfigException e2 = assertThrows(ConfigException.class, () -> ConfigLoader.load(latin1, Map.of()));
        assertTrue(e2.getMessage().contains("not UTF-8"), e2.getMessage());
    }

    @Test
    void parserMessagesShowControlCharactersEscaped() {
        assertEquals("a\\u001b[31mb c", ConfigText.printable("a\u001b[31mb\nc"));
        assertNull(ConfigText.binaryProblem("device:\n  id: x\r\n\tok: y\n".getBytes()));
    }
}
