package dev.edgevision.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first-boot script against a temporary root holding the overlay: it makes the key (0600) and
 * request and waits (exit 75); 'provision enrol' (over a stand-in for ssh) signs the request; the
 * next run checks the certificate, writes the configuration and ends first boot, with the key
 * unchanged. A certificate for another key is refused and the script waits again.
 */
class FirstBootTest {
    @TempDir
    Path dir;

    @Test
    void makesItsKeyWaitsForEnrolmentThenWritesTheConfiguration() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl not found: install the Debian package openssl");
        Path fleet = dir.resolve("fleet");
        FleetCa ca = FleetCa.create(fleet, "Test fleet", Duration.ofDays(30));
        Path overlay = dir.resolve("overlay.tar");
        Overlay.build(new Overlay.Inputs(Fixtures.HOME, Fixtures.deviceBuild(dir.resolve("app")), fleet.resolve("ca.crt"),
                new DeviceConfig(DeviceConfig.ID_PLACEHOLDER, "ssl://broker.example:8883",
                        ProvisionCli.cameras(List.of("cam0=csi://0")), DeviceConfig.IMAGE_MODEL, false), null, null), overlay);
        Path root = dir.resolve("root");
        Files.createDirectories(root.resolve("etc"));
        assertEquals(0, Fixtures.run(dir.resolve("untar.log"), Map.of(), "tar", "-xf", overlay.toString(), "-C", root.toString()));
        Files.createDirectories(root.resolve("proc/device-tree"));
        Files.write(root.resolve("proc/device-tree/serial-number"), "1423021234567\0".getBytes());
        String script = root.resolve("opt/edgevision/bin/edgevision-firstboot").toString();
        Map<String, String> env = Map.of("EDGEVISION_ROOT", root.toString());
        Path identity = root.resolve("etc/edgevision/identity");

        Path log = dir.resolve("first.log");
        assertEquals(75, Fixtures.run(log, env, script), Files.readString(log));
        assertTrue(Files.readString(log).contains("waiting for enrolment"), Files.readString(log));
        assertEquals("jetson-1423021234567", Files.readString(root.resolve("etc/edgevision/device-id")).strip());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(identity.resolve("device.key"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(identity)));
        assertFalse(Files.exists(identity.resolve("device.crt")));
        byte[] key = Files.readAllBytes(identity.resolve("device.key"));
        assertFalse(Files.readString(log).contains("PRIVATE KEY"), "the key is not logged");

        // A certificate for another key (a mix-up at enrolment) is refused; first boot waits again.
        java.security.KeyPair other = FleetCa.newKeyPair();
        Pem.writeCertificate(identity.resolve("device.crt.new"), ca.issueDevice(other.getPublic(), "jetson-1423021234567",
                Duration.ofDays(1)));
        Path wrong = dir.resolve("wrong.log");
        assertEquals(1, Fixtures.run(wrong, env, script), Files.readString(wrong));
        assertTrue(Files.readString(wrong).contains("not for this device's key"), Files.readString(wrong));
        assertFalse(Files.exists(identity.resolve("device.crt.new")));
        assertEquals(75, Fixtures.run(dir.resolve("again.log"), env, script));

        // Enrolment from the workstation: 'ssh HOST COMMAND' played by a script that runs COMMAND here.
        Path ssh = dir.resolve("fake-ssh");
        Files.writeString(ssh, "#!/bin/sh\nshift\nexec sh -c \"$1\"\n");
        Files.setPosixFilePermissions(ssh, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertEquals(0, ProvisionCli.run("enrol", "--fleet", fleet.toString(), "--host", "jetson.local", "--ssh",
                ssh.toString(), "--remote-root", root.toString(), "--no-sudo", "--id", "jetson-1423021234567"));
        assertTrue(Files.exists(identity.resolve("device.crt.new")));

        Path done = dir.resolve("done.log");
        assertEquals(0, Fixtures.run(done, env, script), Files.readString(done));
        assertTrue(Files.exists(identity.resolve("device.crt")));
        assertTrue(java.util.Arrays.equals(key, Files.readAllBytes(identity.resolve("device.key"))), "the key never changed");
        String config = Files.readString(root.resolve("etc/edgevision/appliance.yaml"));
        assertTrue(config.contains("id: jetson-1423021234567") && config.contains("cert: identity/device.crt")
                && config.contains("uri: \"csi://0\""), config);
        assertTrue(Pem.readCertificate(identity.resolve("device.crt"), "cert").getSubjectX500Principal().getName()
                .contains("CN=jetson-1423021234567"));
        System.out.println("first boot: waited (75), refused a certificate for another key (1), enrolled, configured (0)");
    }
}
