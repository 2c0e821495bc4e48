/**
 * What every live source shares: one capture thread per source ({@link dev.edgevision.camera.capture.LiveSource}),
 * the newest-frame hand-off ({@link dev.edgevision.camera.capture.LatestFrame}), reopening with
 * {@link dev.edgevision.camera.capture.Backoff}, pacing, and URI parameters. Backends implement
 * {@link dev.edgevision.camera.capture.CaptureDevice}.
 */
package dev.edgevision.camera.capture;
