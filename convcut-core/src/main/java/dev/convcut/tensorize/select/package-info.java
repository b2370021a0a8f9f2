/**
 * Automatic compression: per layer, {@link dev.convcut.tensorize.select.CandidateGrid} proposes
 * factorizations (method × rank) that save parameters or multiply-adds, pruned by the norm loss
 * their spectra predict; a {@link dev.convcut.tensorize.select.SensitivityTable} gives each one's
 * measured change in accuracy when only that layer is replaced (from a sweep, or {@link
 * dev.convcut.tensorize.select.MeasuredSensitivity} on a fixed evaluation subset); {@link
 * dev.convcut.tensorize.select.Greedy} then picks per layer, greedily by accuracy lost per unit
 * saved, until a target is met.
 */
package dev.convcut.tensorize.select;
