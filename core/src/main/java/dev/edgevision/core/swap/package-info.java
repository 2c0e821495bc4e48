/**
 * Handing a replacement (a runner on another backend, a detector for a new model) to the thread
 * that uses the current one, without locks on the frame path.
 */
package dev.edgevision.core.swap;
