package dev.edgevision.device.mqtt;

import java.util.ArrayList;
import java.util.List;

/** What a test opened (brokers, publishers, subscribers), closed in reverse order after it. */
final class Resources implements AutoCloseable {
    private final List<AutoCloseable> opened = new ArrayList<>();

    /** Registers {@code resource} for closing and returns it. */
    <T extends AutoCloseable> T add(T resource) {
        opened.add(resource);
        return resource;
    }

    @Override
    public void close() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
        opened.clear();
    }
}
