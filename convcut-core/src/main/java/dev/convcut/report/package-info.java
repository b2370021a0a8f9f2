/**
 * The study's report: {@link dev.convcut.report.Report} reads a run directory's CSV and JSON
 * files ({@code data}), judges the paper's findings from the measured numbers ({@code analysis}),
 * draws PNG plots ({@code plot}) and writes one self-contained HTML page ({@code html}). Pure Java
 * and XChart; it never starts the deep-learning engine.
 */
package dev.convcut.report;
