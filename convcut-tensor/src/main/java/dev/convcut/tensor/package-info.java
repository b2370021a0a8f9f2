/**
 * The tensor mathematics of convcut, as docs/science.md defines it: {@link dev.convcut.tensor.Kernel}
 * tensors and their seven {@link dev.convcut.tensor.Cut}s, matricization, truncation by a {@link
 * dev.convcut.tensor.Level} (rank, kept fraction, norm loss or tolerance) alone ({@link
 * dev.convcut.tensor.CutSvd}) or in sequence ({@link dev.convcut.tensor.Truncation}), spectra and
 * entanglement entropies ({@link dev.convcut.tensor.CutSpectrum}), and the two-factor form of a
 * truncation ({@link dev.convcut.tensor.decompose.CutFactors}). Depends on no deep-learning engine.
 */
package dev.convcut.tensor;
