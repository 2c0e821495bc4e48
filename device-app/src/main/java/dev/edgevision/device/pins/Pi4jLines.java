package dev.edgevision.device.pins;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.Digital;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.linuxfs.provider.gpio.digital.LinuxFsDigitalInputProvider;
import com.pi4j.plugin.linuxfs.provider.gpio.digital.LinuxFsDigitalOutputProvider;
import com.pi4j.provider.Provider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lines through Pi4J 2.8: its linuxfs provider (sysfs, {@code /sys/class/gpio}), which has no
 * Raspberry Pi check and so serves any board whose kernel still has sysfs GPIO, or its mock plugin
 * for tests. Pins are sysfs numbers, or names that {@link SysfsNumbers} turns into them. The lines
 * are exported once and held until {@link #close()} shuts the Pi4J context down.
 */
public final class Pi4jLines implements GpioLines {
    /** Where sysfs GPIO lives. */
    public static final Path SYSFS = Path.of("/sys/class/gpio");

    private final Context context;
    private final String outputProvider;
    private final String inputProvider;
    private final String name;
    private final GpiodPin.Board board;
    private final Path sysfs;
    private final Map<String, Digital<?, ?, ?>> requested = new LinkedHashMap<>();

    /** Lines from {@code context}'s providers {@code outputProvider} and {@code inputProvider} (Pi4J ids). */
    public Pi4jLines(Context context, String outputProvider, String inputProvider, String name, GpiodPin.Board board,
            Path sysfs) {
        this.context = context;
        this.outputProvider = outputProvider;
        this.inputProvider = inputProvider;
        this.name = name;
        this.board = board;
        this.sysfs = sysfs;
    }

    /** Pi4J's linuxfs provider on {@code /sys/class/gpio}, or an error when this kernel has no sysfs GPIO. */
    public static Pi4jLines linuxfs(GpiodPin.Board board) throws PinException {
        return linuxfs(board, SYSFS);
    }

    /** Pi4J's linuxfs provider on the sysfs GPIO tree at {@code sysfs}. */
    static Pi4jLines linuxfs(GpiodPin.Board board, Path sysfs) throws PinException {
        if (!Files.isWritable(sysfs.resolve("export"))) {
            throw new PinException("pins: " + sysfs.resolve("export") + (Files.exists(sysfs.resolve("export"))
                    ? " is not writable: run the service as a user in the gpio group" : " does not exist: this kernel"
                            + " has no sysfs GPIO; set pins.provider: gpiod (the GPIO character device)"));
        }
        Context context = Pi4J.newContextBuilder().noAutoDetect().add(
                LinuxFsDigitalOutputProvider.newInstance(sysfs.toString()),
                LinuxFsDigitalInputProvider.newInstance(sysfs.toString())).build();
        return new Pi4jLines(context, LinuxFsDigitalOutputProvider.ID, LinuxFsDigitalInputProvider.ID,
                "pi4j-linuxfs (sysfs " + sysfs + ")", board, sysfs);
    }

    /** Pi4J's mock plugin, when it is on the classpath (tests); numbers only. */
    public static Pi4jLines mock() throws PinException {
        Provider output = mockProvider("MockDigitalOutputProvider");
        Provider input = mockProvider("MockDigitalInputProvider");
        Context context = Pi4J.newContextBuilder().noAutoDetect().add(output, input).build();
        return new Pi4jLines(context, output.id(), input.id(), "pi4j-mock", null, null);
    }

    private static Provider mockProvider(String name) throws PinException {
        try {
            return (Provider) Class.forName("com.pi4j.plugin.mock.provider.gpio.digital." + name)
                    .getMethod("newInstance").invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new PinException("pins.provider: mock needs Pi4J's mock plugin (com.pi4j:pi4j-plugin-mock), which"
                    + " only the tests' classpath holds; on a device use auto, gpiod or pi4j-linuxfs");
        }
    }

    @Override
    public synchronized OutputLine output(String pin, boolean initial) throws PinException {
        int address = address(pin);
        DigitalOutput out;
        try {
            out = context.create(DigitalOutput.newConfigBuilder(context).id(id(address)).address(address)
                    .initial(initial ? DigitalState.HIGH : DigitalState.LOW)
                    .shutdown(initial ? DigitalState.HIGH : DigitalState.LOW)
                    .provider(outputProvider).build());
        } catch (RuntimeException e) {
            throw failed(pin, address, "an output", e);
        }
        requested.put(pin, out);
        return new OutputLine() {
            @Override
            public void level(boolean high) throws PinException {
                try {
                    out.state(high ? DigitalState.HIGH : DigitalState.LOW);
                } catch (RuntimeException e) {
                    throw new PinException("pin '" + pin + "': setting GPIO " + address + " failed: " + e.getMessage(),
                            e);
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
        int address = address(pin);
        DigitalInput in;
        try {
            in = context.create(DigitalInput.newConfigBuilder(context).id(id(address)).address(address)
                    .provider(inputProvider).build());
        } catch (RuntimeException e) {
            throw failed(pin, address, "an input", e);
        }
        requested.put(pin, in);
        return new InputLine() {
            @Override
            public boolean level() {
                return in.state() == DigitalState.HIGH;
            }

            @Override
            public String pin() {
                return pin;
            }
        };
    }

    /** The Pi4J I/O of a requested pin (tests drive a mock input through it). */
    public synchronized Digital<?, ?, ?> digital(String pin) {
        return requested.get(pin);
    }

    private int address(String pin) throws PinException {
        if (sysfs == null) {
            if (pin == null || !pin.trim().matches("[0-9]{1,5}")) {
                throw new PinException("pin '" + pin + "': the mock provider takes line numbers such as 17");
            }
            return Integer.parseInt(pin.trim());
        }
        return SysfsNumbers.resolve(pin, board, sysfs);
    }

    private static String id(int address) {
        return "edgevision-gpio-" + address;
    }

    private PinException failed(String pin, int address, String as, RuntimeException e) {
        String why = e.getMessage();
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            why = t.getMessage();
        }
        return new PinException("pin '" + pin + "': GPIO " + address + " could not be set up as " + as + " through "
                + name + ": " + why + "; check that " + (sysfs == null ? "the line exists" : sysfs + "/gpio" + address
                        + " is not exported by another program (cat its direction) and that the number is right"), e);
    }

    @Override
    public String name() {
        return name;
    }

    /** Shuts the Pi4J context down: outputs go back to their initial level and sysfs lines are unexported. */
    @Override
    public synchronized void close() {
        requested.clear();
        context.shutdown();
    }
}
