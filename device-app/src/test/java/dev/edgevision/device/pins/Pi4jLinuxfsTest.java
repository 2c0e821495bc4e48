package dev.edgevision.device.pins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pi4J's linuxfs provider on a sysfs GPIO tree made in a folder (export, unexport, gpioN/direction
 * and value files, a chip's label and base): which files it writes for a header pin, and the error
 * when a kernel has no sysfs GPIO. A real kernel's tree is exercised on hardware only.
 */
class Pi4jLinuxfsTest {
    @TempDir
    Path sysfs;

    @Test
    void headerPinBecomesASysfsNumberAndItsFilesAreWritten() throws Exception {
        Files.writeString(sysfs.resolve("export"), "");
        Files.writeString(sysfs.resolve("unexport"), "");
        Path chip = Files.createDirectories(sysfs.resolve("gpiochip348"));
        Files.writeString(chip.resolve("label"), "tegra234-gpio\n");
        Files.writeString(chip.resolve("base"), "348\n");
        for (int n : new int[] {348 + 144, 348 + 85}) {
            Path line = Files.createDirectories(sysfs.resolve("gpio" + n));
            Files.writeString(line.resolve("direction"), "in\n");
            Files.writeString(line.resolve("value"), "0\n");
        }
        Pi4jLines lines = Pi4jLines.linuxfs(() -> JetsonHeader.ORIN_NANO, sysfs);
        GpioLines.OutputLine led = lines.output("header:7", false);
        Path value = sysfs.resolve("gpio492/value");
        assertEquals("out", Files.readString(sysfs.resolve("gpio492/direction")).trim());
        assertEquals("0", Files.readString(value).trim());
        led.level(true);
        assertEquals("1", Files.readString(value).trim(), "header:7 of an Orin Nano is sysfs GPIO 348 + 144");
        GpioLines.InputLine button = lines.input("PN.01");
        assertFalse(button.level());
        Files.writeString(sysfs.resolve("gpio433/value"), "1\n");
        assertTrue(button.level(), "PN.01 (header:15) is sysfs GPIO 348 + 85");
        assertTrue(lines.name().startsWith("pi4j-linuxfs"));
        lines.close();
        assertEquals("0", Files.readString(value).trim(), "the output is back at its initial level after close");
    }

    @Test
    void aKernelWithoutSysfsGpioIsNamed() {
        PinException e = assertThrows(PinException.class, () -> Pi4jLines.linuxfs(null, sysfs.resolve("gpio")));
        assertTrue(e.getMessage().contains("does not exist: this kernel has no sysfs GPIO; set pins.provider: gpiod"),
                e.getMessage());
    }
}
