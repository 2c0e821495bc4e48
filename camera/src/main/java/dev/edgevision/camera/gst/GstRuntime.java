package dev.edgevision.camera.gst;

import org.freedesktop.gstreamer.ElementFactory;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.Version;

/**
 * Initializes the system's GStreamer once, when the first GStreamer source opens, and says which
 * package to install when it is missing.
 */
public final class GstRuntime {
    /** Debian/Ubuntu packages that gst:// pipelines of this module's kind need. */
    public static final String PACKAGES = "gstreamer1.0-plugins-base gstreamer1.0-plugins-good";
    private static String problem;
    private static boolean initialized;

    private GstRuntime() {
    }

    /** Whether GStreamer 1.14 or newer is installed and initializes. */
    public static synchronized boolean available() {
        if (!initialized && problem == null) {
            try {
                Gst.init(Version.of(1, 14), "edgevision");
                initialized = true;
            } catch (Throwable e) {
                problem = e.getMessage() == null ? e.toString() : e.getMessage();
            }
        }
        return initialized;
    }

    /** Why GStreamer is not available, or null if it is. */
    public static synchronized String problem() {
        return available() ? null : problem;
    }

    /** Throws an error naming {@code uri} and the package to install unless GStreamer works. */
    static void require(String uri) {
        if (!available()) {
            throw new IllegalStateException("camera URI '" + uri + "' needs GStreamer 1.x, which did not load here ("
                    + problem + "): install it with apt-get install " + PACKAGES + " (JetPack ships it on a Jetson)");
        }
    }

    /** Whether GStreamer has an element called {@code name} (a plugin is installed). */
    static boolean hasElement(String name) {
        try {
            ElementFactory factory = ElementFactory.find(name);
            if (factory == null) {
                return false;
            }
            factory.dispose();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
