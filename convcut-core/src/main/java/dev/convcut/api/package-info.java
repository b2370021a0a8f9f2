/**
 * convcut as a Java library: {@link dev.convcut.api.Convcut#load} a checkpoint, then evaluate,
 * compute spectra, sweep layers one at a time or all at once, truncate, re-train, compress (by
 * hand or automatically to a target) and export it in a few calls, with results in
 * memory; writing files is an explicit step ({@link dev.convcut.api.Model#save}, {@link
 * dev.convcut.api.Model#exportOnnx}). Evaluation is convcut's datasets ({@link
 * dev.convcut.api.EvalData}) or the caller's own function ({@link dev.convcut.api.ModelEvaluator});
 * long work reports to a {@link dev.convcut.io.Progress.Listener}, which may cancel it. The
 * command line is a thin layer over the same packages; docs/java-api.md walks through the
 * examples module.
 */
package dev.convcut.api;
