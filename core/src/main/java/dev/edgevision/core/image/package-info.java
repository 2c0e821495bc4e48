/**
 * Still image files as frames: the decoder interface that camera's image source and the device's
 * {@code detect} use, its service-loader provider, and the header checks every decoder makes
 * before it decodes a pixel. Pure Java.
 */
package dev.edgevision.core.image;
