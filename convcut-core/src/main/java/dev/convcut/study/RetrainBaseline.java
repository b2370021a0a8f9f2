package dev.convcut.study;

import ai.djl.ndarray.NDManager;
import dev.convcut.InvalidRequestException;
import dev.convcut.InvalidSettingException;
import dev.convcut.Setting;
import dev.convcut.Words;
import dev.convcut.checkpoint.Checkpoint;
import dev.convcut.checkpoint.Checkpoints;
import dev.convcut.io.Hashing;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The untruncated model's top-1 that re-training compares with, always on the same evaluation
 * set as the re-training: given by the user, taken from the truncated checkpoint's record when it
 * was scored on the same images (same SHA-256), or measured on the source checkpoint the record
 * names when its weights are still there unchanged.
 */
public final class RetrainBaseline {
  private RetrainBaseline() {}

  /** The baseline's top-1 and where it came from. */
  public record Baseline(double top1, Words source) {}

  public static Baseline resolve(Double given, AppliedTruncation record, EvalSet eval, int batchSize, NDManager manager) {
    if (given != null) {
      if (!(given >= 0 && given <= 1)) {
        throw new InvalidSettingException(Setting.BASELINE_TOP1, given, " is a fraction in [0, 1], got " + given);
      }
      return new Baseline(given, Words.of("given with ", Setting.BASELINE_TOP1));
    }
    if (record == null) {
      throw new InvalidRequestException("the checkpoint has no " + AppliedTruncation.FILE + " naming the model it was truncated"
          + " from; give the untruncated model's top-1 on the same images with ", Setting.BASELINE_TOP1);
    }
    if (record.evaluation() != null && record.evaluation().eval().sha256().equals(eval.describe().sha256())) {
      return new Baseline(record.evaluation().baseline().top1(), Words.of(AppliedTruncation.FILE + " (same " + eval.size() + " images)"));
    }
    Path source = Path.of(record.source());
    Path weights = Checkpoints.weights(source);
    if (Files.isRegularFile(weights) && Hashing.sha256(weights).equals(record.sourceWeightsSha256())) {
      try (Checkpoint ck = Checkpoints.load(source, manager)) {
        return new Baseline(VariantScoring.full(ck.network(), eval, batchSize, null).top1(), Words.of("measured on " + source));
      }
    }
    throw new InvalidRequestException("cannot find the untruncated model's top-1 on these " + eval.size() + " images: "
        + AppliedTruncation.FILE + " has no score on them and its source " + source + " is gone or changed; give it with ",
        Setting.BASELINE_TOP1, ", or re-run ", Setting.TRUNCATE_EVALUATE, " with the same ", Setting.EVAL_SAMPLES, " and ", Setting.SEED);
  }
}
