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
 * The flash wrapper against a fake Linux_for_Tegra tree whose l4t_initrd_flash.sh records how it
 * was called: the checks name what is missing, --dry-run prints every step and changes nothing,
 * --no-flash applies the overlay and the factory identity and asks for a mass-flash package, --ab
 * passes ROOTFS_AB=1.
 */
class FlashTest {
    static final String FLASH = Fixtures.HOME.resolve("provisioning/flash").toString();

    @TempDir
    Path dir;

    private Path fakeL4t() throws Exception {
        Path l4t = dir.resolve("Linux_for_Tegra");
        Files.createDirectories(l4t.resolve("tools/kernel_flash"));
        Files.createDirectories(l4t.resolve("rootfs/etc"));
        Files.writeString(l4t.resolve("rootfs/etc/os-release"), "NAME=\"Ubuntu\"\n");
        Files.writeString(l4t.resolve("jetson-orin-nano-devkit.conf"), "# board\n");
        script(l4t.resolve("flash.sh"), "#!/bin/sh\nexit 0\n");
        script(l4t.resolve("tools/kernel_flash/l4t_initrd_flash.sh"),
                "#!/bin/sh\necho \"ROOTFS_AB=${ROOTFS_AB:-} $*\" > \"$(dirname \"$0\")/called\"\n");
        return l4t;
    }

    private static void script(Path file, String text) throws Exception {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Path overlay() throws Exception {
        Path fleet = dir.resolve("fleet");
        FleetCa.create(fleet, "Test fleet", Duration.ofDays(30));
        Path tar = dir.resolve("overlay.tar");
        Overlay.build(new Overlay.Inputs(Fixtures.HOME, Fixtures.deviceBuild(dir.resolve("app")), fleet.resolve("ca.crt"),
                new DeviceConfig(DeviceConfig.ID_PLACEHOLDER, "ssl://broker.example:8883", ProvisionCli.cameras(List.of()),
                        DeviceConfig.IMAGE_MODEL, false), null, null), tar);
        return tar;
    }

    @Test
    void namesEverythingMissing() throws Exception {
        Path empty = dir.resolve("empty");
        Files.createDirectories(empty);
        Path log = dir.resolve("missing.log");
        assertEquals(2, Fixtures.run(log, Map.of(), FLASH, "--l4t", empty.toString(), "--board", "jetson-agx-orin-devkit",
                "--overlay", dir.resolve("none.tar").toString(), "--dry-run"));
        String out = Files.readString(log);
        System.out.println(out);
        for (String expected : List.of("flash.sh", "l4t_initrd_flash.sh", "rootfs is empty", "jetson-agx-orin-devkit.conf",
                "overlay " + dir.resolve("none.tar") + " does not exist")) {
            assertTrue(out.contains(expected), "names " + expected + ":\n" + out);
        }
        Path nothing = dir.resolve("nothing.log");
        assertEquals(2, Fixtures.run(nothing, Map.of(), FLASH));
        assertTrue(Files.readString(nothing).contains("--l4t") && Files.readString(nothing).contains("--board"));
    }

    @Test
    void dryRunPrintsEveryStepAndChangesNothing() throws Exception {
        Path l4t = fakeL4t();
        Path tar = overlay();
        Path log = dir.resolve("dry.log");
        assertEquals(0, Fixtures.run(log, Map.of(), FLASH, "--l4t", l4t.toString(), "--board", "jetson-orin-nano-devkit",
                "--overlay", tar.toString(), "--storage", "nvme0n1p1", "--ab", "--no-flash", "--dry-run"), Files.readString(log));
        String out = Files.readString(log);
        System.out.println(out);
        assertTrue(out.contains("+ ") && out.contains("tar -xpf " + tar), out);
        assertTrue(out.contains("ROOTFS_AB=1 ./tools/kernel_flash/l4t_initrd_flash.sh --no-flash --massflash 5"
                + " --external-device nvme0n1p1"), out);
        assertTrue(out.contains("dry run: nothing changed"), out);
        assertFalse(Files.exists(l4t.resolve("rootfs/opt")), "nothing applied");
        assertFalse(Files.exists(l4t.resolve("tools/kernel_flash/called")), "nothing flashed");
        assertFalse(out.contains("l4t_create_default_user"), "never the default-user script");
    }

    @Test
    void noFlashAppliesTheOverlayAndIdentityAndMakesTheMassFlashPackage() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "applying the overlay keeps root ownership: run as root (CI does) to test it");
        Path l4t = fakeL4t();
        Path tar = overlay();
        Path identity = dir.resolve("jetson-07");
        assertEquals(0, ProvisionCli.run("device", "--fleet", dir.resolve("fleet").toString(), "--id", "jetson-07",
                "--out", identity.toString(), "--broker", "ssl://broker.example:8883"));
        Path log = dir.resolve("noflash.log");
        assertEquals(0, Fixtures.run(log, Map.of(), FLASH, "--l4t", l4t.toString(), "--board", "jetson-orin-nano-devkit",
                "--overlay", tar.toString(), "--identity", identity.toString(), "--ab", "--no-flash", "--massflash", "3"),
                Files.readString(log));
        Path rootfs = l4t.resolve("rootfs");
        assertTrue(Files.isExecutable(rootfs.resolve("opt/edgevision/bin/appliance")));
        assertTrue(Files.isSymbolicLink(rootfs.resolve("etc/systemd/system/multi-user.target.wants/edgevision.service")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                rootfs.resolve("etc/edgevision/identity/device.key"))));
        assertTrue(Files.readString(rootfs.resolve("etc/edgevision/appliance.yaml")).contains("id: jetson-07"));
        String called = Files.readString(l4t.resolve("tools/kernel_flash/called")).strip();
        assertEquals("ROOTFS_AB=1 --no-flash --massflash 3 jetson-orin-nano-devkit internal", called);
        assertTrue(Files.readString(log).contains("mfi_jetson-orin-nano-devkit.tar.gz"));
    }
}
