/**
 * The running service: wires configuration, model, backend, cameras and publisher together,
 * reports status, and shuts down cleanly.
 */
package dev.edgevision.device.service;
