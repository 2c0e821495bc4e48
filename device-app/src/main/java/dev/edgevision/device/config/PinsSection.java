package dev.edgevision.device.config;

import java.util.List;

/**
 * The {@code pins:} slice: a status LED, an output per label and a trigger button on GPIO lines.
 * Every key is optional; without the slice the service touches no pins.
 *
 * @param provider {@code auto} (the default: the GPIO character device through libgpiod v1 where
 *     {@code /dev/gpiochip*} exists, else Pi4J's sysfs provider where {@code /sys/class/gpio}
 *     exists), {@code gpiod}, {@code pi4j-linuxfs}, or {@code mock} (Pi4J's mock plugin, which only
 *     the tests' classpath holds)
 * @param board the 40-pin header's board for {@code header:N} pin names: {@code auto} (read from
 *     the device tree), {@code jetson-orin-nano} (also Orin NX) or {@code jetson-agx-orin}
 * @param led the status LED, or null
 * @param outputs one output per label, or null
 * @param trigger the trigger button, or null
 */
public record PinsSection(String provider, String board, Led led, List<Output> outputs, Trigger trigger) {
    public PinsSection {
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
    }

    /**
     * @param pin the LED's line, e.g. {@code header:7}, {@code gpiochip0:144} or (pi4j-linuxfs) a sysfs number
     * @param activeLow true when the LED lights with the line low
     */
    public record Led(String pin, Boolean activeLow) {
    }

    /**
     * An output that is active while {@code label} is seen.
     *
     * @param label the detection label, e.g. {@code "7"}
     * @param camera the camera whose records count, or null for every camera
     * @param pin the output's line
     * @param holdMs how long the output stays active after the label was last seen (500)
     * @param minOffMs how long the output stays inactive once released, at least (0)
     * @param activeLow true when the output is active with the line low (many relay boards)
     */
    public record Output(String label, String camera, String pin, Integer holdMs, Integer minOffMs,
            Boolean activeLow) {
    }

    /**
     * A button that captures: the next frame of {@code camera} after a press is detected and its
     * record published on the trigger topic.
     *
     * @param pin the button's line
     * @param camera the camera to capture from
     * @param debounceMs how long the line must stay pressed (and released) to count (30)
     * @param activeLow true when pressing pulls the line low (a button to ground with a pull-up)
     */
    public record Trigger(String pin, String camera, Integer debounceMs, Boolean activeLow) {
    }
}
