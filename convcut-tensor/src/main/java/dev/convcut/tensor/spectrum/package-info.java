/**
 * Experiment 1 of docs/science.md, the spectrum: for named kernels (layer name → kernel), the
 * singular values and entropies along every non-trivial cut, coinciding cuts decomposed once,
 * layers computed in parallel. {@link dev.convcut.tensor.spectrum.SpectrumReport#compute} is the
 * entry point; convcut-core writes the report to files.
 */
package dev.convcut.tensor.spectrum;
