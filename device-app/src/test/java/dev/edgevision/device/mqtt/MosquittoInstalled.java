package dev.edgevision.device.mqtt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** Skips a test that needs Debian's Mosquitto programs where they are not installed. */
public final class MosquittoInstalled {
    private MosquittoInstalled() {
    }

    /** Skips the calling test unless Mosquitto is installed. */
    public static void assume() {
        Assumptions.assumeTrue(Mosquitto.executable().isPresent(), "mosquitto not found: install the " + Mosquitto.INSTALL);
    }

    /** Skips the calling test unless mosquitto_passwd is installed; returns it. */
    public static Path assumePasswdTool() {
        Optional<Path> tool = Stream.of("/usr/bin/mosquitto_passwd", "/usr/sbin/mosquitto_passwd").map(Path::of)
                .filter(Files::isExecutable).findFirst();
        Assumptions.assumeTrue(tool.isPresent(), "mosquitto_passwd not found: install the " + Mosquitto.INSTALL);
        return tool.get();
    }
}
