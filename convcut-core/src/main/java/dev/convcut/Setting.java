package dev.convcut;

/**
 * The settings a library message can refer to, each with the words the library uses for it. A
 * front end names them its own way (the CLI maps each to its flag in one place), so a message
 * reads {@code the fine-tuning batch size must be >= 2} to a Java caller and names the flag on
 * the command line. See {@link Words}.
 */
public enum Setting {
  // Where results go and whether they replace what is there.
  OUT("the output path"),
  FORCE("the force option"),
  // Data.
  DATASET("the dataset"),
  DATA_DIR("the data folder"),
  LABELS("the label kind"),
  /** Fetching a dataset into the cache (a command, not a value). */
  DATA_FETCH("a dataset download"),
  // Compression: what, how much, and to which target.
  LAYERS("the layer selection"),
  PLAN("the plan"),
  METHOD("the method"),
  METHODS("the candidate methods"),
  RANK("the rank"),
  KEEP("the kept fraction"),
  KEEPS("the candidate kept fractions"),
  LOSS("the loss level"),
  TARGET_PARAMS("a parameter target"),
  TARGET_MACS("a multiply-add target"),
  MAX_DROP("the largest allowed top-1 drop"),
  MIN_SPEEDUP("the minimum speed-up"),
  SELECT_IMAGES("the number of selection images"),
  // Running.
  THREADS("the thread count"),
  EVAL_BATCH("the evaluation batch size"),
  // Fine-tuning after compression.
  FINETUNE_EPOCHS("the number of fine-tuning epochs"),
  FINETUNE_BATCH("the fine-tuning batch size"),
  FINETUNE_LR("the fine-tuning learning rate"),
  // Training.
  LEARNING_RATE("the learning rate"),
  EPOCHS("the number of epochs"),
  RESET_OPTIMIZER("the reset-optimizer option"),
  DISTILL("the distillation weight"),
  DISTILL_TEMPERATURE("the distillation temperature"),
  // Study: sweeps, truncation and re-training.
  CONFIG("the study configuration"),
  CUTS("the cuts"),
  LEVELS("the levels"),
  SPEC("the truncation spec"),
  SWEEP_BATCH("the batch size"),
  EVAL_SAMPLES("the number of evaluation samples"),
  SEED("the seed"),
  BASELINE_TOP1("the baseline top-1"),
  PROJECTED("projected re-training"),
  /** Truncating with evaluation, so the truncated checkpoint records its baseline (a command). */
  TRUNCATE_EVALUATE("a truncation with evaluation"),
  // Reports.
  RUN("the run folder"),
  TOLERANCE("the tolerance"),
  RECOVER_EPOCHS("the number of recovery epochs"),
  MIN_NORM_LOSS("the smallest norm loss"),
  // ONNX.
  INPUT_SHAPE("the input shape"),
  ONNX_OUTPUT("the output name"),
  /** Importing an ONNX file with its preprocessing given (a command). */
  ONNX_IMPORT("an import that gives the file's mean and standard deviation"),
  // Benchmarks.
  BATCHES("the batch sizes"),
  RANK_MULTIPLE("the multiple ranks are rounded to"),
  DTYPE("the precision"),
  LIMIT("the layer limit"),
  PEER("the peer folder"),
  NO_PEER("the no-peer option");

  private final String phrase;

  Setting(String phrase) {
    this.phrase = phrase;
  }

  /** How the library words this setting in a sentence, e.g. "the fine-tuning batch size". */
  public String phrase() {
    return phrase;
  }
}
