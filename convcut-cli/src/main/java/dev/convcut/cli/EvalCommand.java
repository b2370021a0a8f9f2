package dev.convcut.cli;

import dev.convcut.checkpoint.Checkpoints;
import dev.convcut.data.Split;
import dev.convcut.eval.EvalResult;
import dev.convcut.eval.EvalRun;
import dev.convcut.io.AtomicFiles;
import dev.convcut.io.Json;
import dev.convcut.io.OutputLock;
import dev.convcut.provenance.Provenance;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code convcut eval}: accuracy of a checkpoint on a dataset split. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Evaluate a checkpoint on a dataset split in inference mode: top-1, top-5, mean cross-entropy, per-class "
        + "accuracy and the confusion matrix. With --out, also writes confusion.csv, per-class.csv, eval.json and run.json.",
    footer = {"", "Examples:", "  convcut eval --checkpoint runs/cnn4-fmnist",
        "  convcut eval --checkpoint runs/cnn4-fmnist --split train --json",
        "  convcut eval --checkpoint runs/r20 --dataset cifar10 --out runs/r20-eval"})
public final class EvalCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--checkpoint", required = true, paramLabel = "DIR", description = "The checkpoint to evaluate.")
  Path checkpoint;

  @Mixin DatasetOptions data;

  @Option(names = "--split", paramLabel = "train|test", description = "Which split (default: ${DEFAULT-VALUE}).")
  String split = "test";

  @Option(names = "--batch-size", paramLabel = "N", description = "Images per forward pass (default: ${DEFAULT-VALUE}).")
  int batchSize = 256;

  @Option(names = "--limit", paramLabel = "N", description = "Evaluate the first N images only (default: all).")
  int limit;

  @Option(names = "--out", paramLabel = "DIR", description = "Write confusion.csv, per-class.csv, eval.json and run.json here.")
  Path out;

  @Option(names = "--force", description = "Replace an existing --out directory.")
  boolean force;

  @Option(names = "--json", description = "Print JSON (top-1 under 'top1', as a fraction) instead of a table.")
  boolean json;

  @Mixin EngineOptions engine;

  @Override
  public Integer call() {
    Split.parse(split);
    if (batchSize < 1) {
      throw new IllegalArgumentException("--batch-size must be ≥ 1, got " + batchSize);
    }
    if (limit < 0) {
      throw new IllegalArgumentException("--limit must be ≥ 0 (0 = the whole split), got " + limit);
    }
    engine.validate();
    if (out == null) {
      return write();
    }
    try (OutputLock lock = OutputLock.acquire(out)) {
      return write();
    }
  }

  /** The command's work, with --out locked against other runs. */
  private Integer write() {
    Split s = Split.parse(split);
    engine.start();
    Provenance prov = Provenance.start("eval", spec.commandLine().getParseResult().originalArgs());
    String dataset = data.datasetOr(Checkpoints.architecture(checkpoint).dataset());
    EvalResult r = EvalRun.run(checkpoint, dataset, data.toDataOptions(), s, batchSize, limit, true, prov);
    Map<String, Object> doc = summary(r);
    if (out != null) {
      AtomicFiles.writeDirectory(out, force, dir -> {
        Files.writeString(dir.resolve("confusion.csv"), r.confusionCsv());
        Files.writeString(dir.resolve("per-class.csv"), r.perClassCsv());
        Json.writeFile(dir.resolve("eval.json"), doc);
        prov.writeTo(dir, doc);
      });
    }
    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      o.print(Json.write(doc));
    } else {
      o.printf(Locale.ROOT, "%s on %s/%s (%d images): top-1 %.2f%%, top-5 %.2f%%, loss %.4f%n", checkpoint, r.dataset(),
          r.split(), r.images(), 100 * r.top1(), 100 * r.top5(), r.loss());
      o.print(r.perClassCsv());
    }
    o.flush();
    return 0;
  }

  static Map<String, Object> summary(EvalResult r) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("dataset", r.dataset());
    doc.put("split", r.split());
    doc.put("images", r.images());
    doc.put("top1", r.top1());
    doc.put("top5", r.top5());
    doc.put("loss", r.loss());
    Map<String, Double> perClass = new LinkedHashMap<>();
    for (int c = 0; c < r.perClass().length; c++) {
      perClass.put(c < r.classNames().size() ? r.classNames().get(c) : Integer.toString(c), r.perClass()[c]);
    }
    doc.put("perClass", perClass);
    doc.put("confusion", r.confusion());
    doc.put("classNames", List.copyOf(r.classNames()));
    return doc;
  }
}
