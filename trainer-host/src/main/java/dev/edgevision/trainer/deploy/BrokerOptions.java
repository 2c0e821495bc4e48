package dev.edgevision.trainer.deploy;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How the workstation reaches the devices' broker, the way a device's {@code mqtt:} slice says it:
 * a {@code tcp://} or {@code ssl://} URI, an optional user name and password (the password from
 * {@code EDGEVISION_MQTT_PASSWORD} or a file, never the command line), and for {@code ssl://}
 * optionally the PEM file of the CA that signed the broker's certificate and a client certificate
 * with its key (the device's {@code mqtt.tls.ca}, {@code cert}, {@code key}).
 *
 * @param broker {@code tcp://host:port} or {@code ssl://host:port}
 * @param username user name, or null for anonymous access
 * @param password the password, or null; never printed
 * @param tlsCa PEM file of the broker's CA, or null for the JVM's trusted CAs
 * @param tlsCert PEM client certificate (its chain may follow) for brokers that require one, or null
 * @param tlsKey the PKCS#8 PEM private key of {@code tlsCert} (EC or RSA), or null
 */
public record BrokerOptions(String broker, String username, char[] password, Path tlsCa, Path tlsCert, Path tlsKey) {
    /** Options without a client certificate. */
    public BrokerOptions(String broker, String username, char[] password, Path tlsCa) {
        this(broker, username, password, tlsCa, null, null);
    }

    /** The broker's host, for error messages and for finding the workstation's own address towards it. */
    public String host() {
        return URI.create(broker).getHost();
    }

    /** The broker's port, the scheme's default (1883, 8883) when the URI has none. */
    public int port() {
        int port = URI.create(broker).getPort();
        return port > 0 ? port : tls() ? 8883 : 1883;
    }

    /** Whether the broker URI is {@code ssl://}. */
    public boolean tls() {
        return broker.startsWith("ssl://");
    }

    /** What is wrong with these options, naming the option and what to write; null when they are usable. */
    public String problem() {
        if (broker == null || broker.isBlank()) {
            return "--broker: must be set to the devices' broker, e.g. tcp://broker.local:1883";
        }
        try {
            URI uri = new URI(broker);
            if (!"tcp".equals(uri.getScheme()) && !"ssl".equals(uri.getScheme())) {
                return "--broker: \"" + broker + "\" is not tcp:// or ssl://; write e.g. tcp://broker.local:1883";
            }
            if (uri.getHost() == null) {
                return "--broker: \"" + broker + "\" has no host name; write e.g. tcp://broker.local:1883";
            }
            if ((uri.getPath() != null && !uri.getPath().isEmpty()) || uri.getQuery() != null
                    || uri.getUserInfo() != null) {
                return "--broker: \"" + broker + "\" has a path, query or user; write only tcp://HOST:PORT"
                        + " (the user name goes in --username)";
            }
        } catch (URISyntaxException e) {
            return "--broker: \"" + broker + "\" is not a URI (" + e.getReason() + "); write e.g. tcp://broker.local:1883";
        }
        if (password != null && (username == null || username.isBlank())) {
            return "a broker password is set (EDGEVISION_MQTT_PASSWORD or --password-file) but no --username; set both"
                    + " or neither";
        }
        if (tlsCa != null && !Files.isReadable(tlsCa)) {
            return "--tls-ca: " + tlsCa + " does not exist or cannot be read; give the PEM file of the broker's CA";
        }
        if ((tlsCa != null || tlsCert != null) && !tls()) {
            return "--tls-ca/--tls-cert are set but --broker " + broker + " is not ssl://; use ssl://HOST:8883 or drop"
                    + " them";
        }
        if ((tlsCert == null) != (tlsKey == null)) {
            return "--tls-cert and --tls-key: give both (the client certificate and its private key) or neither";
        }
        for (Path file : new Path[] {tlsCert, tlsKey}) {
            if (file != null && !Files.isReadable(file)) {
                return (file == tlsCert ? "--tls-cert: " : "--tls-key: ") + file + " does not exist or cannot be read";
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "BrokerOptions[broker=" + broker + ", username=" + username + ", password="
                + (password == null ? "(none)" : "****") + ", tlsCa=" + tlsCa + ", tlsCert=" + tlsCert + ", tlsKey="
                + tlsKey + "]";
    }
}
