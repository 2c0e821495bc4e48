package dev.edgevision.device.pins;

import com.sun.jna.Library;
import com.sun.jna.Pointer;

/**
 * The raw calls of libgpiod v1 (1.6.x, {@code libgpiod.so.2}, as JetPack 6 ships it) that
 * {@link GpiodLines} makes; nothing here checks a result. Chips and lines are opaque pointers.
 */
interface Libgpiod extends Library {
    Pointer gpiod_chip_open_by_name(String name);

    Pointer gpiod_chip_open_by_label(String label);

    int gpiod_chip_num_lines(Pointer chip);

    void gpiod_chip_close(Pointer chip);

    Pointer gpiod_chip_get_line(Pointer chip, int offset);

    int gpiod_line_request_output(Pointer line, String consumer, int defaultValue);

    int gpiod_line_request_input(Pointer line, String consumer);

    boolean gpiod_line_is_used(Pointer line);

    String gpiod_line_consumer(Pointer line);

    int gpiod_line_set_value(Pointer line, int value);

    int gpiod_line_get_value(Pointer line);

    void gpiod_line_release(Pointer line);

    String gpiod_version_string();
}
