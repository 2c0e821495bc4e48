package dev.edgevision.device.pins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pin names of the GPIO character device and the Jetson header tables, without hardware. */
class GpiodPinTest {
    static final GpiodPin.Board NANO = () -> JetsonHeader.ORIN_NANO;
    static final GpiodPin.Board AGX = () -> JetsonHeader.AGX_ORIN;

    @TempDir
    Path dir;

    @Test
    void chipAndOffsetForms() throws Exception {
        assertEquals(new GpiodPin("gpiochip0:144", "gpiochip0", false, 144), GpiodPin.parse("gpiochip0:144", null));
        assertEquals(new GpiodPin("/dev/gpiochip1:3", "gpiochip1", false, 3), GpiodPin.parse("/dev/gpiochip1:3", null));
        assertEquals(new GpiodPin("tegra234-gpio-aon:8", "tegra234-gpio-aon", true, 8),
                GpiodPin.parse("tegra234-gpio-aon:8", null));
    }

    @Test
    void headerPinsAndPortNamesOfBothBoards() throws Exception {
        assertEquals(new GpiodPin("header:7", "tegra234-gpio", true, 144), GpiodPin.parse("header:7", NANO));
        assertEquals(new GpiodPin("header:7", "tegra234-gpio", true, 106), GpiodPin.parse("header:7", AGX));
        assertEquals(new GpiodPin("header:32", "tegra234-gpio-aon", true, 8), GpiodPin.parse("header:32", AGX));
        assertEquals(new GpiodPin("PQ.05", "tegra234-gpio", true, 105), GpiodPin.parse("PQ.05", NANO));
        assertEquals(22, JetsonHeader.ORIN_NANO.lines().size());
        assertEquals(22, JetsonHeader.AGX_ORIN.lines().size());
    }

    @Test
    void badNamesAreRefusedWithWhatToWrite() {
        PinException power = assertThrows(PinException.class, () -> GpiodPin.parse("header:1", NANO));
        assertTrue(power.getMessage().contains("header pin 1 of jetson-orin-nano is 3.3 V, not a GPIO"),
                power.getMessage());
        PinException ground = assertThrows(PinException.class, () -> GpiodPin.parse("header:39", AGX));
        assertTrue(ground.getMessage().contains("is ground") && ground.getMessage().contains("[7, 11,"),
                ground.getMessage());
        PinException beyond = assertThrows(PinException.class, () -> GpiodPin.parse("header:41", NANO));
        assertTrue(beyond.getMessage().contains("does not exist (pins are 1..40)"), beyond.getMessage());
        PinException noBoard = assertThrows(PinException.class, () -> GpiodPin.parse("header:7", () -> null));
        assertTrue(noBoard.getMessage().contains("set pins.board"), noBoard.getMessage());
        PinException port = assertThrows(PinException.class, () -> GpiodPin.parse("PAC.06", AGX));
        assertTrue(port.getMessage().contains("port PAC.06 is not on the 40-pin header of jetson-agx-orin"),
                port.getMessage());
        for (String bad : new String[] {"", "seven", "gpiochip0", "gpiochip0:-1", ":5", "header:x"}) {
            PinException e = assertThrows(PinException.class, () -> GpiodPin.parse(bad, NANO), bad);
            assertTrue(e.getMessage().contains("gpiochip0:144"), bad + ": " + e.getMessage());
        }
        PinException board = assertThrows(PinException.class, () -> JetsonHeader.named("jetson-nano"));
        assertTrue(board.getMessage().contains("boards covered: jetson-orin-nano"), board.getMessage());
    }

    @Test
    void boardFromTheDeviceTree() throws Exception {
        Path compatible = dir.resolve("compatible");
        Files.write(compatible, "nvidia,p3768-0000+p3767-0005\0nvidia,p3767-0005\0nvidia,tegra234\0"
                .getBytes(StandardCharsets.US_ASCII));
        assertEquals(JetsonHeader.ORIN_NANO, JetsonHeader.fromCompatible(compatible));
        Files.write(compatible, "nvidia,p3737-0000+p3701-0005\0nvidia,tegra234\0".getBytes(StandardCharsets.US_ASCII));
        assertEquals(JetsonHeader.AGX_ORIN, JetsonHeader.fromCompatible(compatible));
        Files.write(compatible, "raspberrypi,5-model-b\0brcm,bcm2712\0".getBytes(StandardCharsets.US_ASCII));
        assertEquals(null, JetsonHeader.fromCompatible(compatible));
        assertEquals(null, JetsonHeader.fromCompatible(dir.resolve("missing")));
    }

    @Test
    void sysfsNumbersComeFromTheChipsBase() throws Exception {
        Path sysfs = dir.resolve("gpio");
        chip(sysfs, 316, "tegra234-gpio");
        chip(sysfs, 300, "tegra234-gpio-aon");
        assertEquals(316 + 144, SysfsNumbers.resolve("header:7", NANO, sysfs));
        assertEquals(300 + 8, SysfsNumbers.resolve("header:32", AGX, sysfs));
        assertEquals(316 + 5, SysfsNumbers.resolve("tegra234-gpio:5", null, sysfs));
        assertEquals(492, SysfsNumbers.resolve("492", null, sysfs));
        PinException byName = assertThrows(PinException.class, () -> SysfsNumbers.resolve("gpiochip0:5", null, sysfs));
        assertTrue(byName.getMessage().contains("by its chip's label"), byName.getMessage());
        PinException none = assertThrows(PinException.class, () -> SysfsNumbers.resolve("other-gpio:5", null, sysfs));
        assertTrue(none.getMessage().contains("no GPIO chip labelled 'other-gpio'"), none.getMessage());
    }

    private static void chip(Path sysfs, int base, String label) throws Exception {
        Path chip = Files.createDirectories(sysfs.resolve("gpiochip" + base));
        Files.writeString(chip.resolve("label"), label + "\n");
        Files.writeString(chip.resolve("base"), base + "\n");
    }
}
