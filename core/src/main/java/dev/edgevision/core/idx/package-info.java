/**
 * MNIST-format IDX files: the trainer's training data, and the handwritten glyphs the synthetic
 * camera draws on paper. Gzip or not; every malformed file is refused with its name and problem.
 */
package dev.edgevision.core.idx;
