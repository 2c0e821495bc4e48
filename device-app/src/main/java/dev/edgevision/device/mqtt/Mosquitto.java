package dev.edgevision.device.mqtt;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Mosquitto (Debian's {@code /usr/sbin/mosquitto}, 2.0.x) that a test or the soak benchmark
 * starts on a loopback port of its own with its own configuration file, kills or stops, and starts
 * again on the same port and data directory (persistent sessions survive a stop). Never the
 * system's broker.
 */
public final class Mosquitto implements AutoCloseable {
    /** What to install where the broker is missing. */
    public static final String INSTALL = "Debian package 'mosquitto' (apt-get install mosquitto)";
    private static final List<Process> RUNNING = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (RUNNING) {
                RUNNING.forEach(Process::destroyForcibly);
            }
        }));
    }

    private final Path dir;
    private final int port;
    private final Path config;
    private Process process;

    /**
     * A broker on {@code 127.0.0.1:port} keeping its files in {@code dir}; {@code extra} lines are
     * appended to the configuration.
     */
    public Mosquitto(Path dir, int port, List<String> extra) throws IOException {
        this.dir = dir;
        this.port = port;
        this.config = dir.resolve("mosquitto.conf");
        List<String> lines = new ArrayList<>(List.of(
                "listener " + port + " 127.0.0.1",
                "user " + System.getProperty("user.name"),
                "persistence_location " + dir + "/",
                "persistence_file mosquitto.db",
                "autosave_interval 3600",
                "max_inflight_messages 0",
                "max_queued_messages 100000",
                "log_dest stderr",
                "log_type error",
                "log_type warning",
                "log_type notice"));
        lines.addAll(extra);
        Files.write(config, lines);
    }

    /** The broker program, if installed. */
    public static Optional<Path> executable() {
        Stream<Path> candidates = Stream.concat(Stream.of(Path.of("/usr/sbin/mosquitto")),
                Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).map(d -> Path.of(d, "mosquitto")));
        return candidates.filter(Files::isExecutable).findFirst();
    }

    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Starts the broker and waits until it accepts connections. */
    public void start() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(executable().orElseThrow().toString(), "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mosquitto.log").toFile()));
        process = builder.start();
        synchronized (RUNNING) {
            RUNNING.add(process);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            if (!process.isAlive()) {
                throw new IOException("mosquitto exited with status " + process.exitValue() + "; its log:\n" + log());
            }
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("mosquitto does not listen on port " + port + " after 10 s; its log:\n" + log());
                }
                Thread.sleep(20);
            }
        }
    }

    /** SIGKILL: the broker dies at once, saving nothing. */
    public void kill() throws InterruptedException {
        end(process.destroyForcibly());
    }

    /** SIGTERM: the broker shuts down cleanly and saves its persistence file (if enabled). */
    public void stop() throws InterruptedException {
        process.destroy();
        end(process);
    }

    private void end(Process p) throws InterruptedException {
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        synchronized (RUNNING) {
            RUNNING.remove(p);
        }
    }

    /** The broker's log so far. */
    public String log() {
        try {
            return Files.readString(dir.resolve("mosquitto.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }
}
