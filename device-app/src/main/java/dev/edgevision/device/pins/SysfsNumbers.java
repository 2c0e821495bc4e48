package dev.edgevision.device.pins;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The sysfs GPIO number ({@code /sys/class/gpio/gpioN}) of a pin for Pi4J's linuxfs provider: a
 * plain number is taken as it is; {@code tegra234-gpio:144}, {@code header:7} and port names are
 * found by the chip's label under {@code /sys/class/gpio/gpiochipBASE/label}, base plus offset, since
 * the bases change between kernel releases.
 */
final class SysfsNumbers {
    private SysfsNumbers() {
    }

    /** The global number of {@code pin}, reading the chips under {@code root} ({@code /sys/class/gpio}). */
    static int resolve(String pin, GpiodPin.Board board, Path root) throws PinException {
        String p = pin == null ? "" : pin.trim();
        if (p.matches("[0-9]{1,5}")) {
            return Integer.parseInt(p);
        }
        GpiodPin line = GpiodPin.parse(pin, board);
        if (!line.byLabel()) {
            throw new PinException("pin '" + pin + "': sysfs numbers its chips by base, not as " + line.chip()
                    + "; with pins.provider: pi4j-linuxfs name the line by its chip's label (tegra234-gpio:144), as"
                    + " header:7, or by its sysfs number");
        }
        try (DirectoryStream<Path> chips = Files.newDirectoryStream(root, "gpiochip*")) {
            for (Path chip : chips) {
                Path label = chip.resolve("label");
                if (Files.isReadable(label) && Files.readString(label, StandardCharsets.US_ASCII).trim()
                        .equals(line.chip())) {
                    int base = Integer.parseInt(Files.readString(chip.resolve("base"), StandardCharsets.US_ASCII)
                            .trim());
                    return base + line.offset();
                }
            }
        } catch (IOException | NumberFormatException e) {
            throw new PinException("pin '" + pin + "': the GPIO chips under " + root + " could not be read: " + e);
        }
        throw new PinException("pin '" + pin + "': no GPIO chip labelled '" + line.chip() + "' under " + root
                + " (each gpiochipN there has a label file); name the line by its sysfs number instead");
    }
}
