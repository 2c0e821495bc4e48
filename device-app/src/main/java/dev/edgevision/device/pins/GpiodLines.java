package dev.edgevision.device.pins;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * Lines of the GPIO character device ({@code /dev/gpiochipN}) through libgpiod v1 by JNA: the
 * provider for Jetson, where Pi4J's gpiod plugin refuses the board. Each line is requested once
 * (consumer {@code edgevision}) and held until {@link #close()}, which releases the lines and then
 * closes the chips: JetPack 6.2.1 lets a released line drift, so lines are never released while the
 * service runs. Every failure names the pin, the chip and what to do.
 */
public final class GpiodLines implements GpioLines {
    static final String CONSUMER = "edgevision";
    private static final int EPERM = 1;
    private static final int ENOENT = 2;
    private static final int EACCES = 13;
    private static final int EBUSY = 16;
    private static final int EINVAL = 22;

    private final Libgpiod lib;
    private final IntSupplier errno;
    private final GpiodPin.Board board;
    private final Map<String, Pointer> chips = new LinkedHashMap<>();
    private final List<Pointer> lines = new ArrayList<>();
    private final String version;

    GpiodLines(Libgpiod lib, IntSupplier errno, GpiodPin.Board board) {
        this.lib = lib;
        this.errno = errno;
        this.board = board;
        String v;
        try {
            v = lib.gpiod_version_string();
        } catch (UnsatisfiedLinkError e) {
            v = null;
        }
        this.version = v;
    }

    /** Loads libgpiod v1 from this machine; {@code board} resolves {@code header:N} names. */
    public static GpiodLines open(GpiodPin.Board board) throws PinException {
        return new GpiodLines(load(), Native::getLastError, board);
    }

    /** libgpiod v1, or an error saying what is there instead and what to install. */
    static Libgpiod load() throws PinException {
        String found = null;
        for (String name : List.of("libgpiod.so.2", "gpiod")) {
            try {
                NativeLibrary library = NativeLibrary.getInstance(name);
                try {
                    library.getFunction("gpiod_chip_open_by_name");
                } catch (UnsatisfiedLinkError e) {
                    found = name + " (libgpiod 2.x, whose API differs)";
                    continue;
                }
                return Native.load(name, Libgpiod.class);
            } catch (UnsatisfiedLinkError e) {
                // not this name; try the next
            }
        }
        throw new PinException("pins: libgpiod v1 (libgpiod.so.2) is not on this machine" + (found == null ? ""
                : "; found " + found) + ": install it (Debian/Ubuntu: apt install libgpiod2; JetPack 6 ships 1.6.3),"
                + " or set pins.provider: pi4j-linuxfs where /sys/class/gpio exists");
    }

    @Override
    public synchronized OutputLine output(String pin, boolean initial) throws PinException {
        GpiodPin p = GpiodPin.parse(pin, board);
        Pointer line = line(p);
        if (lib.gpiod_line_request_output(line, CONSUMER, initial ? 1 : 0) != 0) {
            throw requestFailed(p, line, "an output", errno.getAsInt());
        }
        lines.add(line);
        return new OutputLine() {
            @Override
            public void level(boolean high) throws PinException {
                if (lib.gpiod_line_set_value(line, high ? 1 : 0) != 0) {
                    throw new PinException("pin '" + pin + "': setting the line failed (errno " + errno.getAsInt()
                            + ")");
                }
            }

            @Override
            public String pin() {
                return pin;
            }
        };
    }

    @Override
    public synchronized InputLine input(String pin) throws PinException {
        GpiodPin p = GpiodPin.parse(pin, board);
        Pointer line = line(p);
        if (lib.gpiod_line_request_input(line, CONSUMER) != 0) {
            throw requestFailed(p, line, "an input", errno.getAsInt());
        }
        lines.add(line);
        return new InputLine() {
            @Override
            public boolean level() throws PinException {
                int v = lib.gpiod_line_get_value(line);
                if (v < 0) {
                    throw new PinException("pin '" + pin + "': reading the line failed (errno " + errno.getAsInt()
                            + ")");
                }
                return v == 1;
            }

            @Override
            public String pin() {
                return pin;
            }
        };
    }

    private Pointer line(GpiodPin p) throws PinException {
        Pointer chip = chip(p);
        int count = lib.gpiod_chip_num_lines(chip);
        if (p.offset() >= count) {
            throw new PinException("pin '" + p.pin() + "': " + p.chipShown() + " has " + count + " lines (0.." + (count
                    - 1) + "), not " + p.offset() + "; gpioinfo lists them");
        }
        Pointer line = lib.gpiod_chip_get_line(chip, p.offset());
        if (line == null) {
            throw new PinException("pin '" + p.pin() + "': line " + p.offset() + " of " + p.chipShown()
                    + " could not be opened (errno " + errno.getAsInt() + "); gpioinfo lists the lines");
        }
        return line;
    }

    private Pointer chip(GpiodPin p) throws PinException {
        String key = (p.byLabel() ? "label:" : "name:") + p.chip();
        Pointer chip = chips.get(key);
        if (chip != null) {
            return chip;
        }
        chip = p.byLabel() ? lib.gpiod_chip_open_by_label(p.chip()) : lib.gpiod_chip_open_by_name(p.chip());
        if (chip == null) {
            throw chipFailed(p, errno.getAsInt());
        }
        chips.put(key, chip);
        return chip;
    }

    private static PinException chipFailed(GpiodPin p, int err) {
        if (err == EACCES || err == EPERM) {
            return new PinException("pin '" + p.pin() + "': permission denied opening " + p.chipShown() + ": run the"
                    + " service as a user in the gpio group (JetPack's udev rule gives /dev/gpiochip* to it) or add a"
                    + " udev rule for /dev/gpiochip*");
        }
        return new PinException("pin '" + p.pin() + "': there is no " + (p.byLabel() ? "GPIO chip labelled '" + p.chip()
                + "'" : "/dev/" + p.chip()) + " on this machine (errno " + err + "): gpiodetect (or ls /dev/gpiochip*) lists the chips with their"
                + " labels; on a board without the GPIO character device set pins.provider: pi4j-linuxfs");
    }

    private PinException requestFailed(GpiodPin p, Pointer line, String as, int err) {
        if (err == EBUSY || lib.gpiod_line_is_used(line)) {
            String holder = lib.gpiod_line_consumer(line);
            return new PinException("pin '" + p.pin() + "': line " + p.offset() + " of " + p.chipShown() + " is busy"
                    + (holder == null || holder.isEmpty() ? "" : ", held by '" + holder + "'") + " (gpioinfo shows who"
                    + " holds it): stop that program, or free the pin from its other function with jetson-io, or"
                    + " choose another pin");
        }
        if (err == EINVAL) {
            return new PinException("pin '" + p.pin() + "': line " + p.offset() + " of " + p.chipShown()
                    + " cannot be " + as + " (errno EINVAL): its pinmux may not be GPIO; configure the pin with"
                    + " /opt/nvidia/jetson-io/jetson-io.py");
        }
        return new PinException("pin '" + p.pin() + "': requesting line " + p.offset() + " of " + p.chipShown()
                + " as " + as + " failed (errno " + err + ")");
    }

    @Override
    public String name() {
        return "gpiod (libgpiod " + (version == null ? "v1" : version) + ", GPIO character device)";
    }

    /** Releases the lines (newest first), then closes the chips. */
    @Override
    public synchronized void close() {
        for (int i = lines.size() - 1; i >= 0; i--) {
            lib.gpiod_line_release(lines.get(i));
        }
        lines.clear();
        List<Pointer> open = new ArrayList<>(chips.values());
        for (int i = open.size() - 1; i >= 0; i--) {
            lib.gpiod_chip_close(open.get(i));
        }
        chips.clear();
    }
}
