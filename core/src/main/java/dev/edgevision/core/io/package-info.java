/** File helpers shared by every module: atomic replacement of files that people and devices rely on. */
package dev.edgevision.core.io;
