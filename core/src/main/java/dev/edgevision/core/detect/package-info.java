/**
 * Detections and the detection record of the public contract (CONTRACT.md section 1): what a
 * detector finds in a frame, and the JSON object the service publishes and {@code detect} prints.
 */
package dev.edgevision.core.detect;
