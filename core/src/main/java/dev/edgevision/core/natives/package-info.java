/**
 * Words for native libraries that do not load: which shared library is missing and which
 * Debian/Ubuntu package provides it. Pure Java; the modules that load natives (camera's FFmpeg,
 * the OpenCV pre-processing) hand it their loader's error and the folder the natives were
 * extracted to.
 */
package dev.edgevision.core.natives;
