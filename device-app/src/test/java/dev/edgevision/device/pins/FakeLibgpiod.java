package dev.edgevision.device.pins;

import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * libgpiod v1 as {@link GpiodLines} sees it, in memory: chips by name and label with a number of
 * lines, lines some other consumer holds, and the errno of the last failed call.
 */
final class FakeLibgpiod implements Libgpiod {
    record Chip(String name, String label, int lines) {
    }

    final Map<Long, Chip> chips = new HashMap<>();
    final Map<Long, Integer> values = new HashMap<>();
    final Map<Long, String> heldBy = new HashMap<>();
    final List<String> calls = new ArrayList<>();
    int errno;
    int openErrno = 2;
    int requestErrno = 16;

    FakeLibgpiod chip(long id, String name, String label, int lines) {
        chips.put(id, new Chip(name, label, lines));
        return this;
    }

    private Pointer open(boolean byName, String key) {
        for (Map.Entry<Long, Chip> e : chips.entrySet()) {
            if (key.equals(byName ? e.getValue().name() : e.getValue().label())) {
                calls.add("open " + key);
                return new Pointer(e.getKey());
            }
        }
        errno = openErrno;
        return null;
    }

    @Override
    public Pointer gpiod_chip_open_by_name(String name) {
        return open(true, name);
    }

    @Override
    public Pointer gpiod_chip_open_by_label(String label) {
        return open(false, label);
    }

    @Override
    public int gpiod_chip_num_lines(Pointer chip) {
        return chips.get(Pointer.nativeValue(chip)).lines();
    }

    @Override
    public void gpiod_chip_close(Pointer chip) {
        calls.add("close chip " + Pointer.nativeValue(chip));
    }

    @Override
    public Pointer gpiod_chip_get_line(Pointer chip, int offset) {
        return new Pointer(Pointer.nativeValue(chip) * 1000 + offset);
    }

    @Override
    public int gpiod_line_request_output(Pointer line, String consumer, int defaultValue) {
        return request(line, consumer, defaultValue);
    }

    @Override
    public int gpiod_line_request_input(Pointer line, String consumer) {
        return request(line, consumer, 0);
    }

    private int request(Pointer line, String consumer, int value) {
        long id = Pointer.nativeValue(line);
        if (heldBy.containsKey(id)) {
            errno = requestErrno;
            return -1;
        }
        heldBy.put(id, consumer);
        values.put(id, value);
        calls.add("request " + id + "=" + value);
        return 0;
    }

    @Override
    public boolean gpiod_line_is_used(Pointer line) {
        return heldBy.containsKey(Pointer.nativeValue(line));
    }

    @Override
    public String gpiod_line_consumer(Pointer line) {
        return heldBy.get(Pointer.nativeValue(line));
    }

    @Override
    public int gpiod_line_set_value(Pointer line, int value) {
        values.put(Pointer.nativeValue(line), value);
        return 0;
    }

    @Override
    public int gpiod_line_get_value(Pointer line) {
        return values.getOrDefault(Pointer.nativeValue(line), 0);
    }

    @Override
    public void gpiod_line_release(Pointer line) {
        long id = Pointer.nativeValue(line);
        heldBy.remove(id);
        calls.add("release " + id);
    }

    @Override
    public String gpiod_version_string() {
        return "1.6.3";
    }
}
