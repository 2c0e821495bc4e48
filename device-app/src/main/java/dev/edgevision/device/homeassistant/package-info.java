/**
 * Home Assistant MQTT discovery: the device and its entities (per camera occupancy, counts and
 * snapshot images per label, a detection switch and FPS; the device's status, threshold and model
 * version) in one retained device payload, kept up to date and removed the documented way.
 */
package dev.edgevision.device.homeassistant;
