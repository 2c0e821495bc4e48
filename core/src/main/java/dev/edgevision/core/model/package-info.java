/**
 * The model bundle: one file that carries a model from the trainer to any device.
 *
 * <p>A bundle is a zip archive holding {@code manifest.json} and the files the manifest lists
 * (the ONNX graph first of all). The manifest declares everything a device needs to run the
 * model without tensor-name flags: input shape, layout, colour, value range, normalisation,
 * polarity, labels and the output decoder, plus the sha256 of every file. A signed bundle also
 * holds {@code manifest.sig}, an Ed25519 signature over the manifest's bytes, and a sequence in the
 * manifest; {@link dev.edgevision.core.trust} makes and checks them.
 */
package dev.edgevision.core.model;
