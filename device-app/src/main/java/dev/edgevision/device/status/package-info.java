/**
 * Typed snapshots of the service: its status (state, model, backend, cameras' health) and its
 * stats (per-camera rates, latencies, counts). The service makes them; listeners (MQTT, the
 * systemd notifier, the HTTP page) only format or act on them.
 */
package dev.edgevision.device.status;
