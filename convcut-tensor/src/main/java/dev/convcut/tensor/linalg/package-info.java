/**
 * Dense linear algebra for the tensor mathematics: a row-major {@link
 * dev.convcut.tensor.linalg.Matrix}, the {@link dev.convcut.tensor.linalg.Svd} interface with its
 * LAPACK ({@code dgesdd}) and Gram-eigenproblem implementations, and matrix products through
 * OpenBLAS. The native library comes bundled in {@code org.bytedeco:openblas}; nothing is
 * downloaded.
 */
package dev.convcut.tensor.linalg;
