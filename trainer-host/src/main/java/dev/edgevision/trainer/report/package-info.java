/**
 * Self-contained HTML training reports: one file with inline CSS, inline SVG charts and images
 * embedded as data URIs, so it opens offline on any machine.
 *
 * <p>{@link dev.edgevision.trainer.report.HtmlReport} is the generic page builder (headline
 * figures, line charts, confusion matrices, image galleries, tables). Task-specific reports such
 * as {@link dev.edgevision.trainer.report.ClassifierReport} only turn a plain run summary into
 * sections of that builder.
 */
package dev.edgevision.trainer.report;
