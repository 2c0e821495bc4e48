package dev.edgevision.device.pins;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The GPIO lines of the 40-pin expansion header of Jetson developer kits, by header pin number and
 * by Tegra port name ({@code PAC.06}): which GPIO chip (by label) and which line offset each one is.
 * Taken from the tegra234 tables of NVIDIA's Jetson.GPIO ({@code gpio_pin_data.py}); pins that are
 * power, ground or I2C are not GPIOs and are refused with what they are.
 */
public final class JetsonHeader {
    /** One header pin: its chip's label, the line offset in that chip, and the Tegra port name. */
    public record Line(int headerPin, String chipLabel, int offset, String port) {
    }

    private static final String MAIN = "tegra234-gpio";
    private static final String AON = "tegra234-gpio-aon";

    /** Orin Nano and Orin NX modules (p3767) on the Orin Nano developer kit carrier (p3768). */
    public static final JetsonHeader ORIN_NANO = new JetsonHeader("jetson-orin-nano", List.of(
            new Line(7, MAIN, 144, "PAC.06"), new Line(11, MAIN, 112, "PR.04"), new Line(12, MAIN, 50, "PH.07"),
            new Line(13, MAIN, 122, "PY.00"), new Line(15, MAIN, 85, "PN.01"), new Line(16, MAIN, 126, "PY.04"),
            new Line(18, MAIN, 125, "PY.03"), new Line(19, MAIN, 135, "PZ.05"), new Line(21, MAIN, 134, "PZ.04"),
            new Line(22, MAIN, 123, "PY.01"), new Line(23, MAIN, 133, "PZ.03"), new Line(24, MAIN, 136, "PZ.06"),
            new Line(26, MAIN, 137, "PZ.07"), new Line(29, MAIN, 105, "PQ.05"), new Line(31, MAIN, 106, "PQ.06"),
            new Line(32, MAIN, 41, "PG.06"), new Line(33, MAIN, 43, "PH.00"), new Line(35, MAIN, 53, "PI.02"),
            new Line(36, MAIN, 113, "PR.05"), new Line(37, MAIN, 124, "PY.02"), new Line(38, MAIN, 52, "PI.01"),
            new Line(40, MAIN, 51, "PI.00")));

    /** AGX Orin modules (p3701) on the AGX Orin developer kit carrier (p3737). */
    public static final JetsonHeader AGX_ORIN = new JetsonHeader("jetson-agx-orin", List.of(
            new Line(7, MAIN, 106, "PQ.06"), new Line(11, MAIN, 112, "PR.04"), new Line(12, MAIN, 50, "PH.07"),
            new Line(13, MAIN, 108, "PR.00"), new Line(15, MAIN, 85, "PN.01"), new Line(16, AON, 9, "PBB.01"),
            new Line(18, MAIN, 43, "PH.00"), new Line(19, MAIN, 135, "PZ.05"), new Line(21, MAIN, 134, "PZ.04"),
            new Line(22, MAIN, 96, "PP.04"), new Line(23, MAIN, 133, "PZ.03"), new Line(24, MAIN, 136, "PZ.06"),
            new Line(26, MAIN, 137, "PZ.07"), new Line(29, AON, 1, "PAA.01"), new Line(31, AON, 0, "PAA.00"),
            new Line(32, AON, 8, "PBB.00"), new Line(33, AON, 2, "PAA.02"), new Line(35, MAIN, 53, "PI.02"),
            new Line(36, MAIN, 113, "PR.05"), new Line(37, AON, 3, "PAA.03"), new Line(38, MAIN, 52, "PI.01"),
            new Line(40, MAIN, 51, "PI.00")));

    private static final Map<Integer, String> NOT_GPIO = Map.ofEntries(
            Map.entry(1, "3.3 V"), Map.entry(17, "3.3 V"), Map.entry(2, "5 V"), Map.entry(4, "5 V"),
            Map.entry(6, "ground"), Map.entry(9, "ground"), Map.entry(14, "ground"), Map.entry(20, "ground"),
            Map.entry(25, "ground"), Map.entry(30, "ground"), Map.entry(34, "ground"), Map.entry(39, "ground"),
            Map.entry(3, "I2C SDA"), Map.entry(5, "I2C SCL"), Map.entry(27, "I2C SDA"), Map.entry(28, "I2C SCL"),
            Map.entry(8, "UART TX"), Map.entry(10, "UART RX"));

    private final String board;
    private final Map<Integer, Line> byPin = new TreeMap<>();
    private final Map<String, Line> byPort = new LinkedHashMap<>();

    private JetsonHeader(String board, List<Line> lines) {
        this.board = board;
        for (Line line : lines) {
            byPin.put(line.headerPin(), line);
            byPort.put(line.port(), line);
        }
    }

    /** The board's name as the configuration writes it. */
    public String board() {
        return board;
    }

    /** The header's GPIO lines, by header pin. */
    public Map<Integer, Line> lines() {
        return java.util.Collections.unmodifiableMap(byPin);
    }

    /** The table for {@code board} ({@code jetson-orin-nano}, {@code jetson-agx-orin}). */
    public static JetsonHeader named(String board) throws PinException {
        for (JetsonHeader h : List.of(ORIN_NANO, AGX_ORIN)) {
            if (h.board.equals(board)) {
                return h;
            }
        }
        throw new PinException("no header table for board '" + board + "'; boards covered: jetson-orin-nano"
                + " (also Orin NX), jetson-agx-orin. On another board name the line as gpiochipN:OFFSET");
    }

    /**
     * The board whose device tree {@code compatible} file (NUL-separated strings, e.g.
     * {@code /proc/device-tree/compatible}) names a covered module, or null.
     */
    public static JetsonHeader fromCompatible(Path compatible) {
        String text;
        try {
            text = new String(Files.readAllBytes(compatible), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return null;
        }
        if (text.contains("p3767")) {
            return ORIN_NANO;
        }
        return text.contains("p3701") ? AGX_ORIN : null;
    }

    /** The line of header pin {@code headerPin}, or why that pin has none. */
    public Line pin(int headerPin) throws PinException {
        Line line = byPin.get(headerPin);
        if (line != null) {
            return line;
        }
        String what = NOT_GPIO.get(headerPin);
        throw new PinException("header pin " + headerPin + " of " + board + (what != null ? " is " + what
                + ", not a GPIO" : headerPin < 1 || headerPin > 40 ? " does not exist (pins are 1..40)"
                        : " is not a GPIO") + "; GPIO pins are " + byPin.keySet());
    }

    /** The line of Tegra port {@code port} ({@code PAC.06}), or null when the header has none. */
    public Line port(String port) {
        return byPort.get(port);
    }
}
