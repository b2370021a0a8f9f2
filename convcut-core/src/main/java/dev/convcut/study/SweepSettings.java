package dev.convcut.study;

import dev.convcut.InvalidSettingException;
import dev.convcut.Setting;
import java.nio.file.Path;
import java.util.List;

/**
 * How to run a sweep (layer-wise or global): the layers (resolved names), the grid, the batch
 * size, the output folder, whether to discard an earlier run there, and whether to draw a
 * progress bar.
 */
public record SweepSettings(List<String> layers, Grid grid, int batchSize, Path out, boolean force, boolean progress) {
  public SweepSettings {
    layers = List.copyOf(layers);
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("a sweep needs at least one layer");
    }
    if (batchSize < 1) {
      throw new InvalidSettingException(Setting.SWEEP_BATCH, batchSize, " must be ≥ 1, got " + batchSize);
    }
  }

  /** What a run's lock file and run.json record: everything that decides its numbers. */
  public record Configuration(String mode, String model, String dataset, String checkpointSha256, List<String> layers,
      List<String> cuts, List<String> levels, EvalSet.Description eval, int batchSize) {}

  Configuration configuration(String mode, String model, String dataset, String checkpointSha256, EvalSet eval) {
    return new Configuration(mode, model, dataset, checkpointSha256, layers, grid.cutNames(), grid.levelNames(), eval.describe(),
        batchSize);
  }
}
