/**
 * Test renderers written apart from the training generator ({@code detector.scenes}): each draws
 * held-out digits onto paper with its own code for placement, ink, paper and camera, so that a
 * detector scored on them is not marked by the renderer it learnt from. They also record the marks
 * on the page that are not digits ({@code SceneSource.lastMarks}), so that
 * false detections on them can be counted.
 */
package dev.edgevision.trainer.testsets;
