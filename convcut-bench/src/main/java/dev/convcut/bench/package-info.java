/**
 * Speed benchmarks: convcut's training and evaluation throughput on random data, side by side
 * with the PyTorch reference script run in the same invocation.
 */
package dev.convcut.bench;
