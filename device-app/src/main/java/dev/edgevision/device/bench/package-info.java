/** The pipeline benchmark: raw backend time against the whole pipeline's rate, latency and memory. */
package dev.edgevision.device.bench;
