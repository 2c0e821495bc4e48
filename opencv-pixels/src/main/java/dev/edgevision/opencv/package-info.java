/**
 * Pre-processing through OpenCV (the JavaCPP presets): the OpenCV implementation of core's
 * {@code Preprocessing}. Native types stay inside this module.
 */
package dev.edgevision.opencv;
