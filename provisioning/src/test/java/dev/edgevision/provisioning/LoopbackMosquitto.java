package dev.edgevision.provisioning;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** A Mosquitto started from a configuration file 'provision mosquitto' wrote, on 127.0.0.1. */
final class LoopbackMosquitto implements AutoCloseable {
    static final Path EXECUTABLE = Path.of("/usr/sbin/mosquitto");
    private final Process process;
    private final Path log;

    private LoopbackMosquitto(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(EXECUTABLE),
                "mosquitto not found at /usr/sbin/mosquitto: install the Debian package 'mosquitto'");
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Starts mosquitto on {@code config} (plus a 'user' line for this account) and waits for {@code port}. */
    static LoopbackMosquitto start(Path config, int port) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(config));
        lines.add("user " + System.getProperty("user.name"));
        lines.add("log_dest stderr");
        Path run = config.resolveSibling("mosquitto-test.conf");
        Files.write(run, lines);
        Path log = config.resolveSibling("mosquitto.log");
        Process p = new ProcessBuilder(EXECUTABLE.toString(), "-c", run.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            if (!p.isAlive()) {
                throw new IOException("mosquitto exited: " + Files.readString(log));
            }
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return new LoopbackMosquitto(p, log);
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    p.destroyForcibly();
                    throw new IOException("mosquitto does not listen on " + port + ": " + Files.readString(log));
                }
                Thread.sleep(20);
            }
        }
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
