/**
 * convcut networks as ONNX models ({@link dev.convcut.interop.onnx.OnnxExport}), built with
 * Tribuo's ONNX protobuf classes and operator builder, and run in ONNX Runtime ({@link
 * dev.convcut.interop.onnx.OrtModel}), the runtime the exported files are checked against and
 * timed in. ONNX Runtime's classes load only when an ONNX model is run.
 */
package dev.convcut.interop.onnx;
