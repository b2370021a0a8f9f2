/**
 * The tensor mathematics of convcut (see SCIENCE.md): kernel tensors and their cuts,
 * matricization, truncation by rank, kept fraction, norm loss or tolerance, spectra and
 * entanglement entropies, and the decompositions behind tensorization (HOSVD/Tucker-2, TT-SVD,
 * CP-ALS). Depends on no deep-learning engine.
 */
package dev.convcut.tensor;
