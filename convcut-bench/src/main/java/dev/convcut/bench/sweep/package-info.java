/**
 * The sweep benchmark: the layer-wise sweep's evaluation (shared evaluations, prefix reuse)
 * against the naive one-full-forward-per-variant sweep on the same variants and images, the
 * per-variant cost on ResNet-50, and the process's resident memory over a sweep of a thousand
 * variants.
 */
package dev.convcut.bench.sweep;
