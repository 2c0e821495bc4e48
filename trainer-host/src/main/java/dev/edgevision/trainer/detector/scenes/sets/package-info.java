/**
 * Labelled evaluation sets written to disk in YOLO layout ({@code images/*.png},
 * {@code labels/*.txt}, {@code classes.txt}), rendered three independent ways: by the training
 * generator itself, by the camera module's synthetic scenes (written separately from the
 * generator), and with handwriting TrueType fonts drawn through Java2D with its own nuisances and
 * a real JPEG encoder. The last two measure a detector on frames it was not trained to expect.
 */
package dev.edgevision.trainer.detector.scenes.sets;
