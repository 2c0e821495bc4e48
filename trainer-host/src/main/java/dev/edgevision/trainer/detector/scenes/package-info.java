/**
 * Camera-like training frames of handwritten digits, generated on the fly with their boxes.
 * {@link dev.edgevision.trainer.detector.scenes.DigitSceneGenerator} draws MNIST-format glyphs as
 * dark ink on paper and adds what a camera adds (uneven light and tint, blur, sensor noise, JPEG
 * artefacts) and what a desk adds (ruled lines, stray pen strokes and shapes, page edges,
 * shadows); each digit's box is measured from its own rendered ink. The same seed gives the same
 * frame, pixel for pixel.
 */
package dev.edgevision.trainer.detector.scenes;
