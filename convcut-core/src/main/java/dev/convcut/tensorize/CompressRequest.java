package dev.convcut.tensorize;

import dev.convcut.InvalidRequestException;
import dev.convcut.InvalidSettingException;
import dev.convcut.Setting;
import dev.convcut.data.DataOptions;
import dev.convcut.data.Split;
import dev.convcut.tensorize.select.AutoPlanner;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything {@code convcut compress} was asked to do, resolved from the command line; stored in
 * {@code run.json}.
 *
 * @param layers layer name patterns (empty: every convolution)
 * @param manual the method and ranks for every chosen layer, or null in automatic mode
 * @param auto the automatic mode's settings, or null in manual mode
 * @param plan an earlier run's selection to apply again, or null
 * @param dataset the dataset to evaluate and fine-tune on, or null for the checkpoint's own
 * @param threads libtorch intra-op threads (0: all cores), also for the latency measurement
 */
public record CompressRequest(Path checkpoint, Path out, boolean force, List<String> layers, Manual manual, Auto auto,
    CompressPlan plan, FineTune.Settings finetune, Latency.Settings latency, int threads, String dataset, DataOptions data,
    int evalBatch, boolean progress, List<String> arguments) {

  public CompressRequest {
    layers = layers == null ? List.of() : List.copyOf(layers);
    arguments = arguments == null ? List.of() : List.copyOf(arguments);
    int modes = (manual == null ? 0 : 1) + (auto == null ? 0 : 1) + (plan == null ? 0 : 1);
    if (modes != 1) {
      throw new InvalidRequestException("give either ", Setting.METHOD, " with ", Setting.RANK, "/", Setting.KEEP, "/",
          Setting.LOSS, ", one of ", Setting.TARGET_PARAMS, ", ", Setting.TARGET_MACS, ", ", Setting.MAX_DROP, ", or ", Setting.PLAN);
    }
    if (plan != null && !layers.isEmpty()) {
      throw new InvalidRequestException(Setting.PLAN, " names its layers itself: drop ", Setting.LAYERS);
    }
    if (threads < 0) {
      throw new InvalidSettingException(Setting.THREADS, threads, " must be a positive number, or 0 for all cores; got " + threads);
    }
    if (evalBatch < 1) {
      throw new InvalidSettingException(Setting.EVAL_BATCH, evalBatch, " must be >= 1, got " + evalBatch);
    }
  }

  /** One method at one rank request for every chosen layer. */
  public record Manual(Method method, RankRequest ranks) {}

  /**
   * Automatic mode: the target, the methods and kept fractions to try, an optional sweep.csv to
   * take single-cut sensitivities from, and the evaluation subset (images of {@code split}, drawn
   * with {@code seed}) the rest are measured on; a method's lower ranks are skipped once one falls
   * {@code floor} points below the dense model; {@code minSpeedup} (0: off) is the speed gate, each
   * candidate's factor chain timed against its dense layer in the runtime {@code speedRuntime}
   * names ({@link InferenceRuntime#named}; null: libtorch).
   */
  public record Auto(AutoPlanner.Target target, List<Method> methods, List<Double> keeps, Path sweep, Split split,
      int images, long seed, double floor, double minSpeedup, String speedRuntime) {
    public Auto {
      if (!(minSpeedup >= 0) || Double.isInfinite(minSpeedup)) {
        throw new InvalidSettingException(Setting.MIN_SPEEDUP, minSpeedup, " must be 0 (off) or a positive number, got " + minSpeedup);
      }
      speedRuntime = speedRuntime == null ? TorchRuntime.NAME : speedRuntime;
      InferenceRuntime.named(speedRuntime);
      methods = List.copyOf(methods);
      keeps = List.copyOf(keeps);
      if (images < 1) {
        throw new InvalidSettingException(Setting.SELECT_IMAGES, images, " must be >= 1, got " + images);
      }
    }
  }
}
