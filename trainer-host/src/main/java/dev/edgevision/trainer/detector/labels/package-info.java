/**
 * Importing a user's labelled images for detector training, in the formats people already have:
 * KITTI (DIGITS' {@code images/} + {@code labels/}, or KITTI's own {@code image_2/} + {@code label_2/}),
 * Pascal VOC ({@code JPEGImages/} + {@code Annotations/}) and YOLO text labels ({@code images/} +
 * {@code labels/} with {@code classes.txt}). Every problem is reported with its file and line.
 */
package dev.edgevision.trainer.detector.labels;
