/**
 * The study's analysis as pure functions (docs/science.md, "The experiments" and "Tolerance"):
 * tolerable norm loss per layer and cut, the depth trend (Spearman), the norm lost without
 * accuracy loss, epochs to recover after re-training, and the verdicts on the paper's findings.
 */
package dev.convcut.report.analysis;
