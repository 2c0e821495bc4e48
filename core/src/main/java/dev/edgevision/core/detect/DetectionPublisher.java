package dev.edgevision.core.detect;

/**
 * Where detection records go (MQTT, a file, standard output). {@link #publish} never blocks the
 * caller on the network: implementations queue, and drop or store according to their QoS.
 */
public interface DetectionPublisher extends AutoCloseable {
    /** Hands over one record for {@code camera}; returns at once. */
    void publish(String camera, DetectionRecord record);

    @Override
    void close();
}
