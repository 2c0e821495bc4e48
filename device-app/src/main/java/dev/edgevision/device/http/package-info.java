/**
 * The device's embedded HTTP server, off unless configured: health probes, Prometheus metrics, a
 * live preview of each camera (MJPEG, one encode per frame served whatever the number of viewers)
 * and a draw-a-digit page that runs the device's model on a drawing. Bound to the loopback
 * address by default; optionally behind a bearer token or basic auth.
 */
package dev.edgevision.device.http;
