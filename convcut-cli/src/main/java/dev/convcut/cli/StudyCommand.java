package dev.convcut.cli;

import dev.convcut.study.pipeline.StudyConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code convcut study}: the whole study on a configuration file (or a built-in one). */
@Command(name = "study", mixinStandardHelpOptions = true,
    description = {
      "Runs the whole study of a configuration into one run directory: train (or reuse a cached model), spectrum, layer-wise "
          + "sweep, global truncation, re-training of the most aggressive global truncation that lost accuracy, report. "
          + "Prints the findings and the report's path. Re-running the same command resumes an interrupted run.",
      "Built-in configurations: fashion-mnist-cnn4 (the demo), fashion-mnist-cnn4-quick, cifar10-cnn4, cifar100-cnn4, "
          + "cifar10-resnet50, cifar100-resnet50 (the paper's; run times in docs/study.md)."
    },
    footer = {"", "Examples:", "  convcut study --config cifar10-cnn4 --out runs/cifar10-cnn4",
      "  convcut study --config my-study.json --out runs/mine --data-dir ~/data",
      "", "Outputs: OUT/run.json, model/, spectrum/, sweep/, global/, retrain/, report/index.html (docs/formats.md, docs/study.md)."})
final class StudyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--config", required = true, paramLabel = "FILE|NAME", description = "A study configuration file, or a built-in's name.")
  String config;

  @Option(names = "--out", paramLabel = "DIR", description = "The run directory (default: runs/<config name>).")
  Path out;

  @Mixin StudyRunOptions run;

  @Mixin EngineOptions engine;

  @Mixin SparkOptions spark;

  @Override
  public Integer call() {
    StudyConfig c = StudyConfig.resolve(config);
    return run.run(c, out != null ? out : Path.of("runs", c.name()), spec.commandLine().getOut(),
        spec.commandLine().getParseResult().originalArgs(), "study", engine, spark);
  }
}
