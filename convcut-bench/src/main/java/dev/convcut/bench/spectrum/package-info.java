/**
 * {@code convcut bench spectrum}: the SVDs of every cut of random ResNet-50-shaped kernels, timed
 * side by side with the numpy peer (numpy_cuts.py) in the same invocation and checked against
 * numpy's singular values. Benchmarks are never run by the test suite.
 */
package dev.convcut.bench.spectrum;
