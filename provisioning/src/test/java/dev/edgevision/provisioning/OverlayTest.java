package dev.edgevision.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image overlay: its contents, linux-arm64 natives only, the same sha256 from the same inputs, no secrets. */
class OverlayTest {
    @TempDir
    Path dir;

    private Overlay.Inputs inputs(Path app, Path fleet, Path trustStore) {
        return new Overlay.Inputs(Fixtures.HOME, app, fleet.resolve("ca.crt"), new DeviceConfig(DeviceConfig.ID_PLACEHOLDER,
                "ssl://broker.example:8883", ProvisionCli.cameras(List.of("cam0=v4l2:///dev/video0")),
                DeviceConfig.IMAGE_MODEL, trustStore != null), trustStore, null);
    }

    @Test
    void sameInputsGiveTheSameBytesWithDeviceNativesOnlyAndNoSecret() throws Exception {
        Path fleet = dir.resolve("fleet");
        FleetCa.create(fleet, "Test fleet", java.time.Duration.ofDays(30));
        Path app = Fixtures.deviceBuild(dir.resolve("app"));
        Path trust = dir.resolve("keys.txt");
        Files.writeString(trust, "# bundle signers\nrelease-2026 trusted " + TrustStoreTest.ed25519PublicKey() + "\n");

        Overlay.Summary first = Overlay.build(inputs(app, fleet, trust), dir.resolve("a.tar"));
        // the same inputs again, after every input file's time changed: the same bytes
        try (var files = Files.walk(app)) {
            for (Path f : files.toList()) {
                Files.setLastModifiedTime(f, FileTime.from(Instant.now().plusSeconds(3600)));
            }
        }
        Overlay.Summary second = Overlay.build(inputs(app, fleet, trust), dir.resolve("b.tar"));
        System.out.printf("overlay: %d files, %d bytes, sha256 %s and %s; natives kept %d, dropped %d%n", first.files(),
                first.bytes(), first.sha256(), second.sha256(), first.nativesKept(), first.nativesDropped());
        assertEquals(first.sha256(), second.sha256(), "the same inputs give the same overlay");
        assertEquals(Overlay.sha256(Files.readAllBytes(dir.resolve("a.tar"))), first.sha256());

        Map<String, byte[]> tar = Fixtures.untar(dir.resolve("a.tar"));
        for (String path : List.of("opt/edgevision/app/device-app.jar", "opt/edgevision/app/lib/natives-1.0.jar",
                "opt/edgevision/bin/appliance", "opt/edgevision/bin/edgevision-firstboot",
                "opt/edgevision/models/digits.vbundle", "opt/edgevision/fleet/ca.crt",
                "opt/edgevision/fleet/appliance.yaml.template", "opt/edgevision/fleet/fleet.conf",
                "opt/edgevision/fleet/trust-store.txt", "etc/systemd/system/edgevision.service",
                "etc/systemd/system/edgevision-firstboot.service", "usr/lib/sysusers.d/edgevision.conf",
                "etc/udev/rules.d/70-edgevision.rules", "opt/edgevision/overlay-contents.txt")) {
            assertTrue(tar.containsKey(path), "overlay holds " + path);
        }
        assertTrue(tar.containsKey("etc/systemd/system/multi-user.target.wants/edgevision.service"), "the service is enabled");
        assertNull(tar.get("etc/systemd/system/multi-user.target.wants/edgevision.service"), "as a link");
        assertTrue(tar.keySet().stream().noneMatch(p -> p.startsWith("etc/edgevision")), "no device configuration or identity");
        String template = new String(tar.get("opt/edgevision/fleet/appliance.yaml.template"), StandardCharsets.UTF_8);
        assertTrue(template.contains("id: @DEVICE_ID@") && template.contains("broker: ssl://broker.example:8883")
                && template.contains("trust_store: trust-store.txt"), template);

        Map<String, byte[]> natives = Fixtures.unzip(tar.get("opt/edgevision/app/lib/natives-1.0.jar"));
        assertEquals(List.of("lib/aarch64-Linux-clang/jni/libnative.so", "ai/onnxruntime/native/linux-aarch64/libonnxruntime.so"),
                natives.keySet().stream().filter(JarSlimmer::isNative).sorted(java.util.Comparator.reverseOrder()).toList());
        assertTrue(natives.containsKey("org/example/Native.class"), "classes are kept");
        assertEquals(3, first.nativesKept());
        assertEquals(List.of("netty-transport-native-epoll-4.1.93.Final-linux-x86_64.jar"), first.jarsSkipped());
        assertTrue(tar.keySet().stream().noneMatch(p -> p.contains("x86_64")), "no x86-64 jar");
        assertEquals(4, first.nativesDropped());
        assertNoForeignElf(tar);

        // no secret: no private key of any kind, not the fleet CA's key, no password
        byte[] caKey = Files.readAllBytes(fleet.resolve("ca.key"));
        String caKeyBody = new String(caKey, StandardCharsets.US_ASCII).split("\n")[2]; // the key bytes proper (line 1 starts with the fixed ASN.1 header)
        for (Map.Entry<String, byte[]> e : tar.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            String text = new String(e.getValue(), StandardCharsets.ISO_8859_1);
            assertFalse(text.contains("PRIVATE KEY"), e.getKey() + " holds a private key");
            assertFalse(text.contains(caKeyBody), e.getKey() + " holds the fleet CA key");
            assertFalse(e.getKey().endsWith(".key") || e.getKey().endsWith(".p12"), e.getKey() + " is a key file");
            assertFalse(text.toLowerCase().matches("(?s).*password:\\s*\\S.*"), e.getKey() + " holds a password");
        }
    }

    static void assertNoForeignElf(Map<String, byte[]> tar) throws Exception {
        for (Map.Entry<String, byte[]> e : tar.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            if (Elf.isElf(e.getValue())) {
                assertTrue(Elf.isLinuxAarch64(e.getValue()), e.getKey() + " is an ELF for machine " + Elf.machine(e.getValue()));
            }
            if (e.getKey().endsWith(".jar")) {
                for (Map.Entry<String, byte[]> j : Fixtures.unzip(e.getValue()).entrySet()) {
                    if (JarSlimmer.isNative(j.getKey())) {
                        assertTrue(Elf.isLinuxAarch64(j.getValue()), e.getKey() + "!" + j.getKey() + " is not linux-aarch64");
                    }
                }
            }
        }
    }

    @Test
    void anotherBrokerGivesAnotherOverlay() throws Exception {
        Path fleet = dir.resolve("fleet");
        FleetCa.create(fleet, "Test fleet", java.time.Duration.ofDays(30));
        Path app = Fixtures.deviceBuild(dir.resolve("app"));
        String a = Overlay.build(inputs(app, fleet, null), dir.resolve("a.tar")).sha256();
        Overlay.Inputs other = new Overlay.Inputs(Fixtures.HOME, app, fleet.resolve("ca.crt"), new DeviceConfig(
                DeviceConfig.ID_PLACEHOLDER, "ssl://other.example:8883", ProvisionCli.cameras(List.of()),
                DeviceConfig.IMAGE_MODEL, false), null, null);
        assertNotEquals(a, Overlay.build(other, dir.resolve("b.tar")).sha256(), "the sha256 depends on the inputs");
    }

    @Test
    void refusesAWorkstationBuildTrainerJarsAndAMissingBuild() throws Exception {
        Path fleet = dir.resolve("fleet");
        FleetCa.create(fleet, "Test fleet", java.time.Duration.ofDays(30));
        ProvisionException missing = assertThrows(ProvisionException.class,
                () -> Overlay.build(inputs(dir.resolve("nothing"), fleet, null), dir.resolve("x.tar")));
        assertTrue(missing.getMessage().contains("build-device-jars"), missing.getMessage());
        Path app = Fixtures.deviceBuild(dir.resolve("app"));
        Files.move(app.resolve("lib/javacpp-1.5.13-linux-arm64.jar"), app.resolve("lib/javacpp-1.5.13-linux-x86_64.jar"));
        ProvisionException x86 = assertThrows(ProvisionException.class,
                () -> Overlay.build(inputs(app, fleet, null), dir.resolve("x.tar")));
        assertTrue(x86.getMessage().contains("no linux-arm64 jar") && x86.getMessage().contains("-Djetson"), x86.getMessage());
        Files.move(app.resolve("lib/javacpp-1.5.13-linux-x86_64.jar"), app.resolve("lib/javacpp-1.5.13-linux-arm64.jar"));
        Fixtures.jar(app.resolve("lib/deeplearning4j-nn-1.0.0-M2.1.jar"), Map.of("a", new byte[] {1}));
        ProvisionException dl4j = assertThrows(ProvisionException.class,
                () -> Overlay.build(inputs(app, fleet, null), dir.resolve("x.tar")));
        assertTrue(dl4j.getMessage().contains("trainer"), dl4j.getMessage());
    }
}
