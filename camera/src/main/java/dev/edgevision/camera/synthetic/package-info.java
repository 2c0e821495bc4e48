/**
 * A synthetic camera for tests and demos: dark MNIST digits on light, unevenly lit paper, with the
 * ground truth of every frame, rendered deterministically from a seed.
 */
package dev.edgevision.camera.synthetic;
