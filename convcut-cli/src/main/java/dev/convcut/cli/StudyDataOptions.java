package dev.convcut.cli;

import dev.convcut.data.DataOptions;
import dev.convcut.data.LabelKind;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Options of the commands that score a checkpoint: which dataset (by default the one the
 * checkpoint names), where it is, and which test images, in what batches.
 */
public final class StudyDataOptions {
  @Option(names = "--dataset", paramLabel = "NAME",
      description = "Evaluate on this dataset instead of the one the checkpoint was trained on (same image shape and classes).")
  String dataset;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Read the dataset from DIR. Default: search $CONVCUT_DATA/<name>, ~/.convcut/datasets/<name>,"
          + " /usr/share/datasets/<name>, then download.")
  Path dataDir;

  @Option(names = "--no-download", description = "Fail instead of downloading when the dataset is nowhere to be found.")
  boolean noDownload;

  @Option(names = "--eval-samples", paramLabel = "N", defaultValue = "0",
      description = "Score on N test images drawn with --seed (recorded with their SHA-256 in run.json); 0 = the whole test "
          + "split (default).")
  int evalSamples;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Root seed for the evaluation subset (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--batch-size", paramLabel = "N", defaultValue = "256", description = "Images per forward pass (default: ${DEFAULT-VALUE}).")
  int batchSize;

  public DataOptions toDataOptions() {
    return new DataOptions(dataDir, LabelKind.FINE, !noDownload);
  }
}
