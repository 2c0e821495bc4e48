package dev.edgevision.device.cli;

import java.net.InetAddress;

/** This machine's host name, the default device id. */
final class Hostname {
    private Hostname() {
    }

    static String get() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "device";
        }
    }
}
