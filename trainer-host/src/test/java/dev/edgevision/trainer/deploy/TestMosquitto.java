package dev.edgevision.trainer.deploy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Mosquitto ({@code /usr/sbin/mosquitto}) on a free loopback port with its own
 * configuration in a test's folder; never the system's broker. Skips the calling test when
 * Mosquitto is not installed.
 */
final class TestMosquitto implements AutoCloseable {
    static final Path EXECUTABLE = Path.of("/usr/sbin/mosquitto");

    private final Path dir;
    private final int port;
    private Process process;

    private TestMosquitto(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Starts a broker keeping its configuration and log in {@code dir}; {@code extra} lines are appended. */
    static TestMosquitto start(Path dir, List<String> extra) throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(EXECUTABLE),
                "mosquitto not found at " + EXECUTABLE + ": install the Debian package 'mosquitto'");
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Files.createDirectories(dir);
        Path config = dir.resolve("mosquitto.conf");
        List<String> lines = new java.util.ArrayList<>(List.of("listener " + port + " 127.0.0.1",
                "allow_anonymous true", "user " + System.getProperty("user.name"), "max_inflight_messages 0", "max_queued_messages 100000",
                "log_dest stderr", "log_type error", "log_type warning"));
        lines.addAll(extra);
        Files.write(config, lines);
        TestMosquitto broker = new TestMosquitto(dir, port);
        broker.start();
        return broker;
    }

    /** Starts the broker (again) on its port and waits until it accepts connections. */
    void start() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(EXECUTABLE.toString(), "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("mosquitto.log").toFile())).start();
        process = p;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            if (!p.isAlive()) {
                throw new IOException("mosquitto exited with " + p.exitValue() + ": "
                        + Files.readString(dir.resolve("mosquitto.log")));
            }
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    p.destroyForcibly();
                    throw new IOException("mosquitto does not listen on " + port + " after 10 s");
                }
                Thread.sleep(20);
            }
        }
    }

    String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    /** SIGTERM: the broker stops cleanly, saving its persistence file when the configuration enables it. */
    void stop() throws InterruptedException {
        close();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
