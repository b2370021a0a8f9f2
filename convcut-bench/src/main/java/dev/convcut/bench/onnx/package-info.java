/**
 * {@code convcut bench onnx}: a user's CNN as ONNX in, compressed ONNX out, timed. {@link
 * dev.convcut.bench.onnx.ImportCost} measures what importing the file costs (wall time, resident
 * memory, Java allocation); {@link dev.convcut.bench.onnx.OnnxBenchmark} factorizes the imported
 * network, exports both and times them side by side in ONNX Runtime and libtorch.
 */
package dev.convcut.bench.onnx;
