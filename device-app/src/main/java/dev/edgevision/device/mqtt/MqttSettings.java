package dev.edgevision.device.mqtt;

import dev.edgevision.core.io.Redaction;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code mqtt} slice of the device configuration. Build one with {@link #builder(String, String, Path)};
 * a configuration loader calls {@link #problems()} and reports every entry before starting. The
 * keys named in those messages are the configuration file's.
 *
 * @param broker broker URI, {@code tcp://host:port} or {@code ssl://host:port}
 * @param clientId MQTT client id; unique per broker
 * @param username user name, or null for anonymous access
 * @param password password, or null; never printed
 * @param topicPrefix first topic levels, {@code vision} by default
 * @param deviceId this device's id, one topic level
 * @param detectionsQos QoS of detection records: 0 (dropped while offline) or 1, 2 (spooled)
 * @param keepAlive MQTT keep-alive; a silent broker is declared lost after 1.5 times this
 * @param connectTimeout how long one connection attempt may take
 * @param reconnectMinDelay first delay between connection attempts
 * @param reconnectMaxDelay the delay doubles after each failure up to this
 * @param spoolDir where QoS 1 and 2 messages wait for the broker; one publisher per directory
 * @param spoolMaxBytes bound of the spool's messages in bytes; the oldest go first
 * @param spoolMaxMessages bound of the spool in messages; the oldest go first
 * @param queueCapacity messages the in-memory hand-over queue holds before it drops
 * @param maxInflight QoS 1 and 2 messages sent and not yet acknowledged
 * @param tlsCa PEM file of the CA that signed the broker's certificate ({@code ssl://}), or null for the JVM's
 * @param tlsCert PEM client certificate, or null (client certificates come with provisioning)
 * @param tlsKey PEM client key, or null
 * @param tlsPins pins of the broker's public key (base64 SHA-256 of its SubjectPublicKeyInfo); empty: no pinning
 */
public record MqttSettings(String broker, String clientId, String username, String password, String topicPrefix,
        String deviceId, int detectionsQos, Duration keepAlive, Duration connectTimeout, Duration reconnectMinDelay,
        Duration reconnectMaxDelay, Path spoolDir, long spoolMaxBytes, int spoolMaxMessages, int queueCapacity,
        int maxInflight, Path tlsCa, Path tlsCert, Path tlsKey, java.util.List<String> tlsPins) {

    /** Settings with the defaults for everything but the broker, the device id and the spool directory. */
    public static Builder builder(String broker, String deviceId, Path spoolDir) {
        return new Builder(broker, deviceId, spoolDir);
    }

    /** Everything wrong with these settings, one line each naming the key and the bad value; empty if none. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        checkBroker(problems);
        if (blank(clientId)) {
            problems.add("mqtt.client-id: must not be empty; leave it out to use edgevision-<device id>");
        }
        if (password != null && blank(username)) {
            problems.add("mqtt.password: is set but mqtt.username is not; set both or neither");
        }
        String prefixProblem = Topics.prefixProblem(topicPrefix);
        if (prefixProblem != null) {
            problems.add("mqtt.topic-prefix: " + prefixProblem);
        }
        String deviceProblem = Topics.levelProblem(deviceId);
        if (deviceProblem != null) {
            problems.add("mqtt.device-id: " + deviceProblem);
        }
        if (detectionsQos < 0 || detectionsQos > 2) {
            problems.add("mqtt.detections-qos: " + detectionsQos + " is not a QoS; use 0, 1 or 2");
        }
        checkDuration(problems, "mqtt.keep-alive", keepAlive, Duration.ofSeconds(1), Duration.ofSeconds(65535));
        checkDuration(problems, "mqtt.connect-timeout", connectTimeout, Duration.ofSeconds(1), Duration.ofMinutes(5));
        checkDuration(problems, "mqtt.reconnect.min-delay", reconnectMinDelay, Duration.ofMillis(10), Duration.ofHours(1));
        checkDuration(problems, "mqtt.reconnect.max-delay", reconnectMaxDelay, Duration.ofMillis(10), Duration.ofHours(1));
        if (reconnectMinDelay != null && reconnectMaxDelay != null && reconnectMaxDelay.compareTo(reconnectMinDelay) < 0) {
            problems.add("mqtt.reconnect.max-delay: " + reconnectMaxDelay + " is shorter than mqtt.reconnect.min-delay "
                    + reconnectMinDelay);
        }
        if (spoolDir == null) {
            problems.add("mqtt.spool.dir: must be set: QoS 1 messages wait there while the broker is away");
        } else if (Files.exists(spoolDir) && !Files.isDirectory(spoolDir)) {
            problems.add("mqtt.spool.dir: " + spoolDir + " exists and is not a directory");
        }
        if (spoolMaxBytes < 4096) {
            problems.add("mqtt.spool.max-bytes: " + spoolMaxBytes + " is too small; use at least 4096");
        }
        if (spoolMaxMessages < 1) {
            problems.add("mqtt.spool.max-messages: " + spoolMaxMessages + " must be at least 1");
        }
        if (queueCapacity < 1) {
            problems.add("mqtt.queue-capacity: " + queueCapacity + " must be at least 1");
        }
        if (maxInflight < 1 || maxInflight > 65535) {
            problems.add("mqtt.max-inflight: " + maxInflight + " must be between 1 and 65535");
        }
        checkFile(problems, "mqtt.tls.ca", tlsCa);
        checkFile(problems, "mqtt.tls.cert", tlsCert);
        checkFile(problems, "mqtt.tls.key", tlsKey);
        if ((tlsCert == null) != (tlsKey == null)) {
            problems.add("mqtt.tls.cert and mqtt.tls.key: set both or neither");
        }
        return problems;
    }

    /** True when the broker URI is {@code ssl://}. */
    public boolean tls() {
        return broker != null && broker.startsWith("ssl://");
    }

    @Override
    public String toString() {
        return "MqttSettings[broker=" + Redaction.text(broker) + ", clientId=" + clientId + ", username=" + username
                + ", password=" + (password == null ? "(none)" : "****") + ", topicPrefix=" + topicPrefix
                + ", deviceId=" + deviceId + ", detectionsQos=" + detectionsQos + ", keepAlive=" + keepAlive
                + ", connectTimeout=" + connectTimeout + ", reconnect=" + reconnectMinDelay + ".." + reconnectMaxDelay
                + ", spoolDir=" + spoolDir + ", spoolMaxBytes=" + spoolMaxBytes + ", spoolMaxMessages=" + spoolMaxMessages
                + ", queueCapacity=" + queueCapacity + ", maxInflight=" + maxInflight + ", tlsCa=" + tlsCa
                + ", tlsCert=" + tlsCert + ", tlsKey=" + tlsKey + "]";
    }

    private void checkBroker(List<String> problems) {
        String broker = Redaction.text(this.broker);
        if (blank(broker)) {
            problems.add("mqtt.broker: must be set, e.g. tcp://localhost:1883");
            return;
        }
        try {
            URI uri = new URI(this.broker);
            if (!"tcp".equals(uri.getScheme()) && !"ssl".equals(uri.getScheme())) {
                problems.add("mqtt.broker: \"" + broker + "\" is not tcp:// or ssl://; use e.g. tcp://localhost:1883");
            } else if (uri.getHost() == null) {
                problems.add("mqtt.broker: \"" + broker + "\" has no host name; use e.g. tcp://localhost:1883");
            } else if (uri.getPort() > 65535) {
                problems.add("mqtt.broker: \"" + broker + "\" has port " + uri.getPort() + ", above 65535");
            } else if ((uri.getPath() != null && !uri.getPath().isEmpty()) || uri.getQuery() != null) {
                problems.add("mqtt.broker: \"" + broker + "\" has a path or query; use only tcp://HOST:PORT");
            }
        } catch (URISyntaxException e) {
            problems.add("mqtt.broker: \"" + broker + "\" is not a URI (" + e.getReason() + "); use e.g. tcp://localhost:1883");
        }
    }

    private static void checkDuration(List<String> problems, String key, Duration value, Duration min, Duration max) {
        if (value == null) {
            problems.add(key + ": must be set");
        } else if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            problems.add(key + ": " + value + " is outside " + min + " .. " + max);
        }
    }

    private static void checkFile(List<String> problems, String key, Path file) {
        if (file != null && !Files.isReadable(file)) {
            problems.add(key + ": " + file + " does not exist or cannot be read");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Collects settings; {@link #build()} does not validate, {@link MqttSettings#problems()} does. */
    public static final class Builder {
        private String broker;
        private String clientId;
        private String username;
        private String password;
        private String topicPrefix = "vision";
        private String deviceId;
        private int detectionsQos = 0;
        private Duration keepAlive = Duration.ofSeconds(30);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration reconnectMinDelay = Duration.ofSeconds(1);
        private Duration reconnectMaxDelay = Duration.ofSeconds(60);
        private Path spoolDir;
        private long spoolMaxBytes = 64L * 1024 * 1024;
        private int spoolMaxMessages = 100_000;
        private int queueCapacity = 10_000;
        private int maxInflight = 32;
        private Path tlsCa;
        private Path tlsCert;
        private Path tlsKey;
        private java.util.List<String> tlsPins = java.util.List.of();

        private Builder(String broker, String deviceId, Path spoolDir) {
            this.broker = broker;
            this.deviceId = deviceId;
            this.spoolDir = spoolDir;
        }

        public Builder clientId(String v) { clientId = v; return this; }
        public Builder credentials(String user, String pass) { username = user; password = pass; return this; }
        public Builder topicPrefix(String v) { topicPrefix = v; return this; }
        public Builder detectionsQos(int v) { detectionsQos = v; return this; }
        public Builder keepAlive(Duration v) { keepAlive = v; return this; }
        public Builder connectTimeout(Duration v) { connectTimeout = v; return this; }
        public Builder reconnectDelay(Duration min, Duration max) { reconnectMinDelay = min; reconnectMaxDelay = max; return this; }
        public Builder spoolBounds(long maxBytes, int maxMessages) { spoolMaxBytes = maxBytes; spoolMaxMessages = maxMessages; return this; }
        public Builder queueCapacity(int v) { queueCapacity = v; return this; }
        public Builder maxInflight(int v) { maxInflight = v; return this; }
        public Builder tls(Path ca, Path cert, Path key) { tlsCa = ca; tlsCert = cert; tlsKey = key; return this; }
        public Builder pins(java.util.List<String> v) { tlsPins = v == null ? java.util.List.of() : java.util.List.copyOf(v); return this; }

        /** The settings; the client id defaults to {@code edgevision-<device id>}. */
        public MqttSettings build() {
            String id = clientId != null ? clientId : "edgevision-" + deviceId;
            return new MqttSettings(broker, id, username, password, topicPrefix, deviceId, detectionsQos, keepAlive,
                    connectTimeout, reconnectMinDelay, reconnectMaxDelay, spoolDir, spoolMaxBytes, spoolMaxMessages,
                    queueCapacity, maxInflight, tlsCa, tlsCert, tlsKey, tlsPins);
        }
    }
}
