/**
 * Checkpoints: a directory holding a network's architecture (with its input preprocessing), its
 * weights under PyTorch's {@code state_dict} names in safetensors, the training state for
 * resuming, and {@code run.json}. See docs/checkpoints.md for the format.
 */
package dev.convcut.checkpoint;
