package dev.convcut.checkpoint;

import ai.djl.ndarray.NDArray;
import com.fasterxml.jackson.databind.JsonNode;
import dev.convcut.model.Network;
import java.nio.file.Path;
import java.util.Map;

/**
 * A loaded checkpoint: its directory, architecture, the network with its weights, and — when it
 * was written by training — the training state and optimizer buffers for resuming.
 *
 * @param trainingState the parsed {@code training-state.json}, or null
 * @param optimizerState optimizer buffers by name, or an empty map
 */
public record Checkpoint(Path dir, Architecture architecture, Network network, JsonNode trainingState,
    Map<String, NDArray> optimizerState) implements AutoCloseable {

  public boolean resumable() {
    return trainingState != null;
  }

  /** Frees the network's native memory. */
  @Override
  public void close() {
    network.close();
  }
}
