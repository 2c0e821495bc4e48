package dev.edgevision.device.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Validation of the {@code pins:} slice; every message names the key and the bad value. */
final class PinsChecks {
    static final List<String> PROVIDERS = List.of("auto", "gpiod", "pi4j-linuxfs", "mock");
    static final List<String> BOARDS = List.of("auto", "jetson-orin-nano", "jetson-agx-orin");

    private PinsChecks() {
    }

    static void check(PinsSection p, List<String> cameras, List<String> problems) {
        if (p.provider() != null && !PROVIDERS.contains(p.provider())) {
            problems.add("pins.provider must be one of " + PROVIDERS + ", got '" + p.provider() + "'");
        }
        if (p.board() != null && !BOARDS.contains(p.board())) {
            problems.add("pins.board must be one of " + BOARDS + ", got '" + p.board() + "'");
        }
        Set<String> pins = new HashSet<>();
        if (p.led() != null) {
            pin(problems, "pins.led.pin", p.led().pin(), pins);
        }
        for (int i = 0; i < p.outputs().size(); i++) {
            PinsSection.Output o = p.outputs().get(i);
            String key = "pins.outputs[" + i + "]";
            if (o == null) {
                problems.add(key + " is empty: give label and pin");
                continue;
            }
            if (o.label() == null || o.label().isEmpty()) {
                problems.add(key + ".label is missing: give the detection label that drives the output, e.g. \"7\"");
            }
            pin(problems, key + ".pin", o.pin(), pins);
            range(problems, key + ".hold_ms", o.holdMs(), 1, 3_600_000);
            range(problems, key + ".min_off_ms", o.minOffMs(), 0, 3_600_000);
            camera(problems, key + ".camera", o.camera(), cameras, false);
        }
        if (p.trigger() != null) {
            pin(problems, "pins.trigger.pin", p.trigger().pin(), pins);
            camera(problems, "pins.trigger.camera", p.trigger().camera(), cameras, true);
            range(problems, "pins.trigger.debounce_ms", p.trigger().debounceMs(), 1, 5000);
        }
    }

    private static void pin(List<String> problems, String key, String pin, Set<String> used) {
        if (pin == null || pin.isBlank()) {
            problems.add(key + " is missing: give a line such as header:7 or gpiochip0:144");
        } else if (!used.add(pin)) {
            problems.add(key + " '" + pin + "' is used twice: each line drives one thing");
        }
    }

    private static void camera(List<String> problems, String key, String camera, List<String> cameras,
            boolean required) {
        if (camera == null) {
            if (required) {
                problems.add(key + " is missing: give the name of the camera to capture from, one of " + cameras);
            }
        } else if (!cameras.isEmpty() && !cameras.contains(camera)) {
            problems.add(key + " '" + camera + "' is not a configured camera; the cameras are " + cameras);
        }
    }

    private static void range(List<String> problems, String key, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            problems.add(key + " must be " + min + ".." + max + " (milliseconds), got " + value);
        }
    }
}
