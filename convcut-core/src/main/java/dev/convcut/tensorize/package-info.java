/**
 * Tensorization: turning a trained convolution into a chain of smaller convolutions that really
 * computes faster (docs/science.md, "From truncation to real compression"). {@link
 * dev.convcut.tensorize.Factorizer} decomposes one layer's kernel by a {@link
 * dev.convcut.tensorize.Method} (a cut's SVD, Tucker-2, CP or a tensor train) at ranks a {@link
 * dev.convcut.tensorize.RankRequest} chooses; {@link dev.convcut.tensorize.Compressor} builds the
 * network with those layers in place; the {@code select} package chooses methods and ranks from
 * measured sensitivity; {@link dev.convcut.tensorize.CompressRun} is the whole {@code convcut
 * compress} command.
 */
package dev.convcut.tensorize;
