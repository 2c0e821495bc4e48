package dev.edgevision.tensorrt.build;

import java.util.Locale;

/**
 * How inference exchanges data with the GPU. {@code PINNED}: page-locked host buffers and
 * asynchronous copies to and from device buffers. {@code MAPPED}: page-locked host buffers mapped
 * into the GPU's address space, so the engine reads and writes them directly with no copies; on
 * Jetson, where CPU and GPU share the memory, that saves two copies per batch. {@code AUTO}: mapped
 * on integrated GPUs that can map host memory, pinned elsewhere.
 */
public enum HostMemory {
    AUTO, MAPPED, PINNED;

    /** Parses {@code auto}, {@code mapped} or {@code pinned}; the message names the bad value. */
    public static HostMemory parse(String text) {
        for (HostMemory m : values()) {
            if (m.name().toLowerCase(Locale.ROOT).equals(text)) {
                return m;
            }
        }
        throw new IllegalArgumentException("host memory must be auto, mapped or pinned, got '" + text + "'");
    }

    /** Whether to map host buffers on a GPU that is {@code integrated} and {@code canMap} host memory. */
    public boolean mapped(boolean integrated, boolean canMap) {
        return switch (this) {
            case MAPPED -> canMap;
            case PINNED -> false;
            case AUTO -> integrated && canMap;
        };
    }
}
