package dev.edgevision.device.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BrokerPolicyTest {
    private static List<String> problems(String broker, ApplianceConfig.TlsSection tls, Boolean allowPlaintext) {
        List<String> problems = new ArrayList<>();
        BrokerPolicy.check(new ApplianceConfig.MqttSection(broker, null, null, null, null, null, null, tls,
                allowPlaintext), problems);
        return problems;
    }

    @Test
    void plainTcpIsAllowedToLoopbackOnly() {
        for (String loopback : List.of("tcp://127.0.0.1:1883", "tcp://localhost:1883", "tcp://127.8.9.10:1",
                "tcp://[::1]:1883")) {
            assertEquals(List.of(), problems(loopback, null, null), loopback);
        }
        for (String remote : List.of("tcp://broker.example:1883", "tcp://192.0.2.7:1883", "tcp://[2001:db8::1]:1883",
                "tcp://cafe:1883")) {
            List<String> p = problems(remote, null, null);
            assertEquals(1, p.size(), remote);
            assertTrue(p.get(0).contains("plain TCP to another machine") && p.get(0).contains("allow_plaintext"),
                    p.get(0));
            assertEquals(List.of(), problems(remote, null, true), "allowed explicitly: " + remote);
        }
        assertEquals(List.of(), problems("ssl://broker.example:8883", null, null));
    }

    @Test
    void tlsSettingsComeWholeAndWithSsl() {
        assertEquals(List.of(), problems("ssl://b:8883", new ApplianceConfig.TlsSection("ca.crt", "d.crt", "d.key"),
                null));
        assertTrue(problems("ssl://b:8883", new ApplianceConfig.TlsSection("ca.crt", "d.crt", null), null).get(0)
                .startsWith("mqtt.tls.cert and mqtt.tls.key"));
        assertTrue(problems("tcp://127.0.0.1:1883", new ApplianceConfig.TlsSection("ca.crt", null, null), null).get(0)
                .contains("use ssl://"));
        assertFalse(problems("ssl://b:8883", new ApplianceConfig.TlsSection(" ", null, null), null).isEmpty());
    }

    @Test
    void pinsMustBeBase64OfASha256() {
        String good = "cBfR8kfDtMDmg5DeSyBEkL3UmPpDYQ6ab2cSjrjDuXk=";
        assertEquals(List.of(), problems("ssl://b:8883", new ApplianceConfig.TlsSection("ca.crt", null, null,
                List.of(good)), null));
        List<String> bad = problems("ssl://b:8883", new ApplianceConfig.TlsSection("ca.crt", null, null,
                List.of("sha256/abc")), null);
        assertEquals(1, bad.size(), bad.toString());
        assertTrue(bad.get(0).contains("mqtt.tls.pin_sha256 entry 'sha256/abc'") && bad.get(0).contains("openssl"),
                bad.get(0));
    }
}
