/**
 * Decompositions behind tensorization (docs/science.md, "From truncation to real compression"): the
 * two factors of a truncation along one cut ({@link dev.convcut.tensor.decompose.CutFactors}),
 * Tucker-2 by truncated HOSVD, the tensor train (MPS) by TT-SVD in index order {@code i,h,w,o},
 * and CP by alternating least squares. Each returns its factors as convolution weights in the
 * order they are applied ({@link dev.convcut.tensor.decompose.ConvFactor}), ready to become layers,
 * and reconstructs the dense kernel by composing those convolutions ({@link
 * dev.convcut.tensor.decompose.ConvChain}).
 */
package dev.convcut.tensor.decompose;
