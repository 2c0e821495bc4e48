package dev.edgevision.device.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The pages, scripts and style, read once from this package's resources. */
final class Pages {
    private static final Map<String, byte[]> CACHE = new ConcurrentHashMap<>();

    private Pages() {
    }

    static byte[] resource(String name) {
        return CACHE.computeIfAbsent(name, Pages::load);
    }

    private static byte[] load(String name) {
        try (InputStream in = Pages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the device application's jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
