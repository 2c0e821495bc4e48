package dev.edgevision.device.pins;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A line of the GPIO character device as the configuration names it:
 * {@code gpiochip0:144} or {@code /dev/gpiochip0:144} (the chip's device name and the line offset,
 * as {@code gpioinfo} lists them), {@code tegra234-gpio:144} (the chip's label, which does not
 * change when chips are numbered differently), {@code header:7} (a pin of the board's 40-pin
 * header) or a Tegra port name such as {@code PAC.06}.
 *
 * @param pin the name as configured
 * @param chip the chip's device name ({@code gpiochip0}) or label ({@code tegra234-gpio})
 * @param byLabel true when {@code chip} is a label
 * @param offset the line's offset in the chip
 */
public record GpiodPin(String pin, String chip, boolean byLabel, int offset) {
    private static final Pattern CHIP_LINE = Pattern.compile("(?:/dev/)?(gpiochip[0-9]{1,3}):([0-9]{1,4})");
    private static final Pattern LABEL_LINE = Pattern.compile("([A-Za-z][A-Za-z0-9_.,-]{0,63}):([0-9]{1,4})");
    private static final Pattern HEADER = Pattern.compile("header:([0-9]{1,2})");
    private static final Pattern PORT = Pattern.compile("P[A-Z]{1,2}\\.[0-9]{2}");

    /** Where {@code header:N} and port names are looked up; null when the board is not known. */
    @FunctionalInterface
    public interface Board {
        JetsonHeader header() throws PinException;
    }

    /** The line {@code pin} names, with {@code board} for header pins and port names. */
    public static GpiodPin parse(String pin, Board board) throws PinException {
        if (pin == null || pin.isBlank()) {
            throw new PinException("a pin is missing: " + FORMS);
        }
        String p = pin.trim();
        Matcher m = CHIP_LINE.matcher(p);
        if (m.matches()) {
            return new GpiodPin(pin, m.group(1), false, Integer.parseInt(m.group(2)));
        }
        m = HEADER.matcher(p);
        if (m.matches()) {
            JetsonHeader.Line line = header(pin, board).pin(Integer.parseInt(m.group(1)));
            return new GpiodPin(pin, line.chipLabel(), true, line.offset());
        }
        if (PORT.matcher(p).matches()) {
            JetsonHeader h = header(pin, board);
            JetsonHeader.Line line = h.port(p);
            if (line == null) {
                throw new PinException("pin '" + pin + "': port " + p + " is not on the 40-pin header of " + h.board()
                        + "; name it as CHIP:OFFSET (gpioinfo lists the lines)");
            }
            return new GpiodPin(pin, line.chipLabel(), true, line.offset());
        }
        m = LABEL_LINE.matcher(p);
        if (m.matches() && !m.group(1).equals("header")) {
            return new GpiodPin(pin, m.group(1), true, Integer.parseInt(m.group(2)));
        }
        throw new PinException("pin '" + pin + "' is not a line name: " + FORMS);
    }

    private static JetsonHeader header(String pin, Board board) throws PinException {
        JetsonHeader h = board == null ? null : board.header();
        if (h == null) {
            throw new PinException("pin '" + pin + "' needs the board's header table, and this machine's device tree"
                    + " names no board covered (jetson-orin-nano, jetson-agx-orin): set pins.board, or name the line"
                    + " as gpiochipN:OFFSET");
        }
        return h;
    }

    static final String FORMS = "write gpiochip0:144 (chip and line offset, as gpioinfo lists them), tegra234-gpio:144"
            + " (chip label and offset), header:7 (the 40-pin header of jetson-orin-nano or jetson-agx-orin) or a"
            + " Tegra port name such as PAC.06";

    /** The chip as the log and errors show it. */
    public String chipShown() {
        return byLabel ? "the chip labelled '" + chip + "'" : "/dev/" + chip;
    }
}
