/**
 * The service's pipeline: choosing the backend once at start-up, opening the detector a bundle
 * needs, and turning frames into detection records.
 */
package dev.edgevision.device.pipeline;
