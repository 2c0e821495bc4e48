package dev.edgevision.device.pins;

import dev.edgevision.device.config.PinsSection;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the pins' provider once, at start, by what the machine has, and says why: with
 * {@code auto}, the GPIO character device through libgpiod v1 where {@code /dev/gpiochip*} exists
 * and libgpiod loads, else Pi4J's sysfs provider where {@code /sys/class/gpio/export} exists, else
 * an error naming both.
 */
public final class GpioProviders {
    /** The device tree's list of compatible boards. */
    static final Path COMPATIBLE = Path.of("/proc/device-tree/compatible");
    private static final Logger LOG = LoggerFactory.getLogger(GpioProviders.class);

    private GpioProviders() {
    }

    /** The provider {@code config} asks for, opened. */
    public static GpioLines open(PinsSection config) throws PinException {
        GpiodPin.Board board = board(config.board());
        String provider = config.provider() == null ? "auto" : config.provider();
        switch (provider) {
            case "gpiod":
                return GpiodLines.open(board);
            case "pi4j-linuxfs":
                return Pi4jLines.linuxfs(board);
            case "mock":
                return Pi4jLines.mock();
            case "auto":
                return auto(board);
            default:
                throw new PinException("pins.provider '" + provider + "' is not known: use auto, gpiod, pi4j-linuxfs"
                        + " or mock");
        }
    }

    private static GpioLines auto(GpiodPin.Board board) throws PinException {
        String gpiodProblem;
        if (hasGpiochip(Path.of("/dev"))) {
            try {
                GpioLines lines = GpiodLines.open(board);
                LOG.info("pins: provider gpiod: /dev/gpiochip* exists and libgpiod v1 loaded");
                return lines;
            } catch (PinException e) {
                gpiodProblem = e.getMessage();
            }
        } else {
            gpiodProblem = "no /dev/gpiochip* on this machine";
        }
        if (Files.exists(Pi4jLines.SYSFS.resolve("export"))) {
            LOG.info("pins: provider pi4j-linuxfs (sysfs): {}", gpiodProblem);
            return Pi4jLines.linuxfs(board);
        }
        throw new PinException("pins: no GPIO on this machine: " + gpiodProblem + ", and no " + Pi4jLines.SYSFS
                + "/export (sysfs GPIO); remove the pins: slice, or run on a board with GPIO");
    }

    /** Whether {@code dev} holds a {@code gpiochipN} device. */
    static boolean hasGpiochip(Path dev) {
        try (DirectoryStream<Path> chips = Files.newDirectoryStream(dev, "gpiochip*")) {
            return chips.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    /** The header table for {@code board} (null or auto: as the device tree says, looked up when first needed). */
    static GpiodPin.Board board(String board) {
        if (board == null || board.equals("auto")) {
            return () -> JetsonHeader.fromCompatible(COMPATIBLE);
        }
        return () -> JetsonHeader.named(board);
    }
}
