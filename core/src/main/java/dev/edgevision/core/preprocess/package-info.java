/**
 * Pixel work shared by every backend: grey conversion, finding digit-like regions on paper, and
 * fitting a region into a model's input the way its manifest declares. Buffers are allocated once
 * per frame size and reused, so the frame loop allocates nothing frame-sized.
 */
package dev.edgevision.core.preprocess;
