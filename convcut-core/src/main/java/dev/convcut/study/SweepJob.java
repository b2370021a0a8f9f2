package dev.convcut.study;

import java.nio.file.Path;

/**
 * What every executor of a remote sweep needs to score its tasks: the checkpoint (at a path the
 * executors can read, with the SHA-256 of its weights so an executor that reads another file
 * refuses), the evaluation images (shipped from the driver, so every executor scores exactly
 * the driver's), the grid (to plan a layer's variants as the driver did; null for automatic
 * compress, whose tasks carry their kernels) and the batch size.
 */
public record SweepJob(Path checkpoint, String weightsSha256, EvalSet eval, Grid grid, int batchSize) {
  public SweepJob {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be ≥ 1, got " + batchSize);
    }
  }

  /** This job with the checkpoint at {@code path}, where the executors read it. */
  public SweepJob at(Path path) {
    return new SweepJob(path, weightsSha256, eval, grid, batchSize);
  }
}
