/**
 * Networks imported as graphs (from ONNX files): a validated, JSON-serializable description of the
 * operators in topological order ({@link dev.convcut.model.graph.GraphSpec}), and its build into
 * convcut modules cut into stages wherever a single tensor is live.
 */
package dev.convcut.model.graph;
