/**
 * The workstation's {@code provision} command: a fleet CA ({@link dev.edgevision.provisioning.FleetCa}),
 * certificates for the broker and for each device (made at the factory, or signed from a request the
 * device made at first boot), the device's configuration ({@link dev.edgevision.provisioning.DeviceConfig}),
 * a Mosquitto configuration with per-device ACLs ({@link dev.edgevision.provisioning.MosquittoConfig}),
 * the bundle-signing trust store ({@link dev.edgevision.provisioning.TrustStoreFile}) and the
 * root-filesystem overlay of the device image ({@link dev.edgevision.provisioning.Overlay}).
 * Private keys are written 0600 and never printed.
 */
package dev.edgevision.provisioning;
