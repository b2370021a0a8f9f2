package dev.convcut.cli;

import dev.convcut.data.DataOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Options of the commands that score a checkpoint: which dataset (by default the one the
 * checkpoint names), where it is, and which test images, in what batches.
 */
public final class StudyDataOptions {
  @Option(names = "--dataset", paramLabel = "NAME",
      description = "Evaluate on this dataset instead of the one the checkpoint was trained on (same image shape and classes).")
  String dataset;

  @Mixin DataLocationOptions location;

  @Option(names = "--eval-samples", paramLabel = "N", defaultValue = "0",
      description = "Score on N test images drawn with --seed (recorded with their SHA-256 in run.json); 0 = the whole test "
          + "split (default).")
  int evalSamples;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Root seed for the evaluation subset (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--batch-size", paramLabel = "N", defaultValue = "256", description = "Images per forward pass (default: ${DEFAULT-VALUE}).")
  int batchSize;

  public DataOptions toDataOptions() {
    return location.toDataOptions();
  }
}
