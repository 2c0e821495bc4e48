package dev.edgevision.device.mqtt;

import io.moquette.broker.Server;
import io.moquette.broker.config.FluentConfig;
import io.moquette.broker.config.IConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An MQTT 3.1.1 broker inside the process (Moquette), for demos and tests on a machine without
 * one. It listens on loopback only, keeps everything in memory (retained messages are gone after
 * {@link #stop()}), allows anonymous clients and sends no telemetry (Moquette's default would
 * report to its authors). {@link #stop()} and {@link #start()} may be repeated; the port stays.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);
    private static final String HOST = "127.0.0.1";
    private static final int MAX_MESSAGE_BYTES = 1 << 20;

    private int port;
    private Server server;

    private EmbeddedBroker(int port) {
        this.port = port;
    }

    /**
     * Starts a broker on {@code 127.0.0.1:port}; port 0 picks a free one.
     *
     * @throws IOException if the port is taken or cannot be bound (the message names it)
     */
    public static EmbeddedBroker start(int port) throws IOException {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("embedded broker port " + port + " is not a TCP port; use 0 for any free one");
        }
        EmbeddedBroker broker = new EmbeddedBroker(port);
        broker.start();
        return broker;
    }

    /** Starts the broker again after {@link #stop()}, on the same port; does nothing if running. */
    public synchronized void start() throws IOException {
        if (server != null) {
            return;
        }
        if (port == 0) {
            port = freePort();
        }
        IConfig config = new FluentConfig()
                .host(HOST)
                .port(port)
                .disablePersistence()
                .allowAnonymous()
                .disableTelemetry()
                .build();
        config.setProperty(IConfig.NETTY_MAX_BYTES_PROPERTY_NAME, Integer.toString(MAX_MESSAGE_BYTES));
        Server started = new Server();
        try {
            started.startServer(config);
        } catch (IOException | RuntimeException e) {
            started.stopServer();
            throw new IOException("embedded MQTT broker could not listen on " + HOST + ":" + port + " (" + e
                    + "); choose another port or stop what uses it", e);
        }
        server = started;
        LOG.info("embedded MQTT broker listening on {}", uri());
    }

    /**
     * A free loopback port, found by binding port 0 and letting it go: Moquette does not tell
     * safely which port it bound when asked for 0 (it fills an unsynchronised map later, from
     * another thread).
     */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    /** Stops the broker and drops every client; messages and retained state are lost. */
    public synchronized void stop() {
        if (server != null) {
            server.stopServer();
            server = null;
            LOG.info("embedded MQTT broker on {} stopped", uri());
        }
    }

    /** Whether it is running. */
    public synchronized boolean running() {
        return server != null;
    }

    /** The port it listens (or listened) on. */
    public synchronized int port() {
        return port;
    }

    /** {@code tcp://127.0.0.1:port}, for {@link MqttSettings#broker()}. */
    public String uri() {
        return "tcp://" + HOST + ":" + port();
    }

    @Override
    public void close() {
        stop();
    }
}
