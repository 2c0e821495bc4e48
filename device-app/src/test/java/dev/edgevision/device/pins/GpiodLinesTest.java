package dev.edgevision.device.pins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The libgpiod provider's checks and error paths against an in-memory libgpiod, and, where this
 * machine has {@code /dev/gpiochip0} and libgpiod v1, a line of the real chip.
 */
class GpiodLinesTest {
    @Test
    void linesAreHeldUntilCloseThenReleasedNewestFirstAndChipsClosed() throws Exception {
        FakeLibgpiod lib = new FakeLibgpiod().chip(1, "gpiochip0", "tegra234-gpio", 164)
                .chip(2, "gpiochip1", "tegra234-gpio-aon", 32);
        GpiodLines lines = new GpiodLines(lib, () -> lib.errno, () -> JetsonHeader.AGX_ORIN);
        GpioLines.OutputLine led = lines.output("header:7", false);
        GpioLines.OutputLine relay = lines.output("header:32", true);
        GpioLines.InputLine button = lines.input("gpiochip0:50");
        assertEquals("gpiod (libgpiod 1.6.3, GPIO character device)", lines.name());
        assertEquals(GpiodLines.CONSUMER, lib.heldBy.get(1106L));
        assertEquals(1, lib.values.get(2008L), "requested at its initial level");
        led.level(true);
        assertEquals(1, lib.values.get(1106L));
        lib.values.put(1050L, 1);
        assertTrue(button.level());
        relay.level(false);
        assertEquals(List.of("open tegra234-gpio", "request 1106=0", "open tegra234-gpio-aon", "request 2008=1",
                "open gpiochip0", "request 1050=0"), lib.calls, "one chip open per name");
        lib.calls.clear();
        lines.close();
        assertEquals(List.of("release 1050", "release 2008", "release 1106", "close chip 1", "close chip 2",
                "close chip 1"), lib.calls);
        assertTrue(lib.heldBy.isEmpty());
    }

    @Test
    void aMissingChipIsNamedWithWhatToDo() {
        FakeLibgpiod lib = new FakeLibgpiod().chip(1, "gpiochip0", "tegra234-gpio", 164);
        GpiodLines lines = new GpiodLines(lib, () -> lib.errno, () -> JetsonHeader.AGX_ORIN);
        PinException e = assertThrows(PinException.class, () -> lines.output("gpiochip4:3", false));
        assertTrue(e.getMessage().startsWith("pin 'gpiochip4:3': there is no /dev/gpiochip4 on this machine (errno 2)")
                && e.getMessage().contains("gpiodetect"), e.getMessage());
        PinException label = assertThrows(PinException.class, () -> lines.output("header:16", false));
        assertTrue(label.getMessage().contains("no GPIO chip labelled 'tegra234-gpio-aon'"), label.getMessage());
        lib.openErrno = 13;
        PinException denied = assertThrows(PinException.class, () -> lines.input("gpiochip7:1"));
        assertTrue(denied.getMessage().contains("permission denied") && denied.getMessage().contains("gpio group"),
                denied.getMessage());
        PinException range = assertThrows(PinException.class, () -> lines.output("gpiochip0:200", false));
        assertTrue(range.getMessage().contains("has 164 lines (0..163), not 200"), range.getMessage());
    }

    @Test
    void aBusyLineNamesWhoHoldsIt() throws Exception {
        FakeLibgpiod lib = new FakeLibgpiod().chip(1, "gpiochip0", "tegra234-gpio", 164);
        lib.heldBy.put(1144L, "nvpmodel");
        GpiodLines lines = new GpiodLines(lib, () -> lib.errno, () -> JetsonHeader.ORIN_NANO);
        PinException e = assertThrows(PinException.class, () -> lines.output("header:7", false));
        assertTrue(e.getMessage().contains("pin 'header:7': line 144 of the chip labelled 'tegra234-gpio' is busy,"
                + " held by 'nvpmodel'"), e.getMessage());
        lines.output("header:11", false);
        PinException twice = assertThrows(PinException.class, () -> lines.input("header:11"));
        assertTrue(twice.getMessage().contains("held by 'edgevision'"), twice.getMessage());
        lines.close();
    }

    @Test
    void libgpiodMissingSaysWhatToInstall() {
        String libgpiod = libgpiodProblem();
        assumeTrue(libgpiod != null, "libgpiod v1 is installed here; its absence cannot be tested");
        assertTrue(libgpiod.contains("libgpiod v1 (libgpiod.so.2) is not on this machine")
                && libgpiod.contains("apt install libgpiod2") && libgpiod.contains("pi4j-linuxfs"), libgpiod);
    }

    /** Why libgpiod v1 cannot be loaded here, or null when it can. */
    static String libgpiodProblem() {
        try {
            GpiodLines.load();
            return null;
        } catch (PinException e) {
            return e.getMessage();
        }
    }

    /**
     * Where libgpiod v1 is installed but there is no GPIO chip (a workstation with Debian's libgpiod2):
     * the real library is bound through JNA, and its failures come back with their errno and the pin.
     */
    @Test
    void theRealLibraryReportsAMissingChip() throws Exception {
        String libgpiod = libgpiodProblem();
        assumeTrue(libgpiod == null, "no libgpiod v1 (libgpiod.so.2) here: " + libgpiod);
        assumeTrue(!Files.exists(Path.of("/dev/gpiochip9")), "/dev/gpiochip9 exists");
        try (GpiodLines lines = GpiodLines.open(() -> JetsonHeader.ORIN_NANO)) {
            assertTrue(lines.name().matches("gpiod \\(libgpiod 1\\.[0-9.]+, GPIO character device\\)"), lines.name());
            PinException byName = assertThrows(PinException.class, () -> lines.output("gpiochip9:1", false));
            assertTrue(byName.getMessage().startsWith("pin 'gpiochip9:1': there is no /dev/gpiochip9 on this machine"
                    + " (errno 2)"), byName.getMessage());
            assumeTrue(!GpioProviders.hasGpiochip(Path.of("/dev")), "this machine has GPIO chips");
            PinException byLabel = assertThrows(PinException.class, () -> lines.input("header:15"));
            assertTrue(byLabel.getMessage().startsWith("pin 'header:15': there is no GPIO chip labelled"
                    + " 'tegra234-gpio'"), byLabel.getMessage());
            System.out.println("pins: real " + lines.name() + ": " + byLabel.getMessage());
        }
    }

    /** Runs where there is a real chip: requests line 0 of gpiochip0 as an input, reads it and releases it. */
    @Test
    void aRealChipWhereThereIsOne() throws Exception {
        boolean chip = Files.exists(Path.of("/dev/gpiochip0"));
        String libgpiod = libgpiodProblem();
        assumeTrue(chip && libgpiod == null, (chip ? "" : "no /dev/gpiochip0 on this machine (no GPIO character"
                + " device); ") + (libgpiod == null ? "" : "no libgpiod v1 (libgpiod.so.2) here; ")
                + "the real-chip test runs on a Jetson (JetPack 6 has both)");
        GpiodLines lines = GpiodLines.open(() -> JetsonHeader.fromCompatible(GpioProviders.COMPATIBLE));
        String pin = System.getProperty("pins.test.input", "gpiochip0:0");
        try (lines) {
            GpioLines.InputLine in = lines.input(pin);
            boolean level = in.level();
            assertFalse(lines.name().isEmpty());
            System.out.println("pins: " + pin + " reads " + (level ? "high" : "low") + " through " + lines.name());
        }
    }
}
