package dev.edgevision.device.mqtt;

import java.util.function.Supplier;

/**
 * A message handed to the publisher, waiting in the in-memory queue for the sender thread. The
 * payload is made on that thread, so the caller pays only for the hand-over.
 */
record Outbound(String topic, int qos, boolean retained, Supplier<byte[]> payload) {
}
