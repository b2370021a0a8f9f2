package dev.convcut.report.analysis;

/**
 * The largest norm loss observed with accuracy within tolerance, and where it was observed.
 *
 * @param layer the layer, or null for a global truncation (all layers at once)
 * @param normLoss η (for a global truncation, the mean over the truncated layers)
 */
public record Headroom(String layer, String cut, String level, double normLoss, double deltaTop1) {}
