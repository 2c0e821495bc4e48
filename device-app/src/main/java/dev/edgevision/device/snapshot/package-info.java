/**
 * Pictures of what a camera saw: a frame with its detections drawn, encoded as JPEG, for the
 * snapshot command and topics and the preview page.
 */
package dev.edgevision.device.snapshot;
