/**
 * Trust in model bundles: an Ed25519 signature (from the JDK) over a bundle's manifest, which holds
 * the sha256 of every file; a trust store of public keys by key id, so keys can be rotated and
 * revoked; a sequence number per model name, so an old bundle cannot be replayed and a downgrade
 * must be asked for; and what a device needs to run the bundle. {@link dev.edgevision.core.trust.BundleVerifier}
 * checks all of it, reading the archive defensively (entry names, links, sizes checked while
 * inflating), and refuses with a stable code. Nothing here reads the clock.
 */
package dev.edgevision.core.trust;
