package dev.convcut.cli;

import dev.convcut.ConvcutException;
import dev.convcut.Setting;
import dev.convcut.data.DataSource;

/**
 * The one place that names the library's {@link Setting}s as the CLI's flags (or, for the
 * settings that stand for a whole step, the command to run), and words the library's messages
 * with them. The library never speaks of flags; this class is why a CLI user still reads them.
 */
final class Flags {
  private Flags() {}

  /** The flag (or command) for {@code s}; a new setting fails to compile here until it has one. */
  static String of(Setting s) {
    return switch (s) {
      case OUT -> "--out";
      case FORCE -> "--force";
      case DATASET -> "--dataset";
      case DATA_DIR -> "--data-dir";
      case LABELS -> "--labels";
      case DATA_FETCH -> "convcut data fetch --dataset";
      case LAYERS -> "--layers";
      case PLAN -> "--plan";
      case METHOD -> "--method";
      case METHODS -> "--methods";
      case RANK -> "--rank";
      case KEEP -> "--keep";
      case KEEPS -> "--keeps";
      case LOSS -> "--loss";
      case TARGET_PARAMS -> "--target-params";
      case TARGET_MACS -> "--target-macs";
      case MAX_DROP -> "--max-drop";
      case MIN_SPEEDUP -> "--min-speedup";
      case SELECT_IMAGES -> "--select-images";
      case THREADS -> "--threads";
      case EVAL_BATCH -> "--eval-batch";
      case FINETUNE_EPOCHS -> "--finetune-epochs";
      case FINETUNE_BATCH -> "--batch";
      case FINETUNE_LR, LEARNING_RATE -> "--lr";
      case EPOCHS -> "--epochs";
      case RESET_OPTIMIZER -> "--reset-optimizer";
      case DISTILL -> "--distill";
      case DISTILL_TEMPERATURE -> "--distill-temperature";
      case CONFIG -> "--config";
      case CUTS -> "--cuts";
      case LEVELS -> "--levels";
      case SPEC -> "--spec";
      case SWEEP_BATCH -> "--batch-size";
      case EVAL_SAMPLES -> "--eval-samples";
      case SEED -> "--seed";
      case BASELINE_TOP1 -> "--baseline-top1";
      case PROJECTED -> "--projected";
      case TRUNCATE_EVALUATE -> "'convcut truncate --evaluate'";
      case RUN -> "--run";
      case TOLERANCE -> "--tolerance";
      case RECOVER_EPOCHS -> "--recover-epochs";
      case MIN_NORM_LOSS -> "--min-norm-loss";
      case INPUT_SHAPE -> "--input-shape";
      case ONNX_OUTPUT -> "--output";
      case ONNX_IMPORT -> "`convcut import --onnx FILE --mean M --std S --out DIR`";
      case BATCHES -> "--batches";
      case RANK_MULTIPLE -> "--rank-multiple";
      case DTYPE -> "--dtype";
      case LIMIT -> "--limit";
      case PEER -> "--peer";
      case NO_PEER -> "--no-peer";
    };
  }

  /** {@code e}'s message as the CLI words it: the library's settings named by their flags. */
  static String message(Throwable e) {
    return e instanceof ConvcutException c ? c.words().render(Flags::of) : e.getMessage();
  }

  /** How listings name the rule that found a dataset, e.g. {@code --data-dir} or {@code system}. */
  static String origin(DataSource.Origin origin) {
    return origin == DataSource.Origin.DATA_DIR ? of(Setting.DATA_DIR) : origin.label();
  }
}
