/**
 * MQTT for the device (CONTRACT.md section 3): the topics, a publisher that never blocks the
 * pipeline and keeps QoS 1 messages on disk while the broker is away, and an embedded broker for
 * demos without one.
 *
 * <p>{@link dev.edgevision.device.mqtt.MqttPublisher} is the entry point; it takes its
 * {@link dev.edgevision.device.mqtt.MqttSettings} slice of the configuration and an initial
 * {@link dev.edgevision.device.status.DeviceStatus}.
 */
package dev.edgevision.device.mqtt;
