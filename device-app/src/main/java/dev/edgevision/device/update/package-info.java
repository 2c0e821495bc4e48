/**
 * Remote model updates on the device: jobs (from MQTT or a hawkBit server) that download, verify,
 * prepare, validate, activate and watch a new bundle, rolling back to the previous one when it
 * misbehaves. {@link dev.edgevision.device.update.UpdateService} is what job sources talk to.
 */
package dev.edgevision.device.update;
