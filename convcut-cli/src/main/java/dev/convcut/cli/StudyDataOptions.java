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

  /** Refuses bad values before any data is read (an --eval-samples above the split's size is refused once it is read). */
  public void validate() {
    if (evalSamples < 0) {
      throw new IllegalArgumentException("--eval-samples must be ≥ 0 (0 = the whole test split), got " + evalSamples);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("--batch-size must be ≥ 1, got " + batchSize);
    }
  }

  public DataOptions toDataOptions() {
    return location.toDataOptions();
  }
}
