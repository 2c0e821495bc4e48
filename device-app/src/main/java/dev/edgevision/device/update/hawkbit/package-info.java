/**
 * Fleets through Eclipse hawkBit: {@link dev.edgevision.device.update.hawkbit.HawkbitAgent} speaks
 * hawkBit's Direct Device Integration (DDI) API with the JDK's HTTP client (poll, deploymentBase,
 * feedback, cancelAction, configData, target-token authentication) and hands each deployment to the
 * device's update engine, the same one that runs the jobs sent over MQTT.
 */
package dev.edgevision.device.update.hawkbit;
