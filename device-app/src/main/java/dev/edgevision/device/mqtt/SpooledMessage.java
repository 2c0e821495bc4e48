package dev.edgevision.device.mqtt;

/**
 * One message as the spool keeps it until the broker acknowledges it.
 *
 * @param seq position in the spool; increases by one per message appended, across restarts
 * @param topic where it goes
 * @param qos 1 or 2
 * @param retained the MQTT retain flag
 * @param payload the bytes to publish
 */
record SpooledMessage(long seq, String topic, int qos, boolean retained, byte[] payload) {
}
