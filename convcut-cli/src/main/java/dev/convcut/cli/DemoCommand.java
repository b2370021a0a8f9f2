package dev.convcut.cli;

import dev.convcut.study.pipeline.StudyConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code convcut demo}: the study on Fashion-MNIST with cnn4, within about ten minutes on two cores. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {
      "The whole study on Fashion-MNIST with the four-layer CNN in about ten minutes on 2 CPU cores: train (or reuse the "
          + "model cached by an earlier demo), spectrum, layer-wise sweep over all 7 cuts, global truncation, re-training of "
          + "the most aggressive global truncation that lost accuracy (dense), and the report. Ends with the "
          + "findings, judged from the measured numbers, and the report's path.",
      "It is 'convcut study --config fashion-mnist-cnn4'; --quick runs fashion-mnist-cnn4-quick, a smaller smoke test."
    },
    footer = {"", "Examples:", "  convcut demo", "  convcut demo --out /tmp/demo --quick",
      "", "Outputs: OUT/run.json, model/, spectrum/, sweep/, global/, retrain/, report/index.html (docs/demo.md)."})
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs/demo", description = "The run directory (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--quick", description = "A smaller, faster run (fewer training images, epochs and test images).")
  boolean quick;

  @Mixin StudyRunOptions run;

  @Mixin EngineOptions engine;

  @Override
  public Integer call() {
    StudyConfig c = StudyConfig.builtIn(quick ? "fashion-mnist-cnn4-quick" : "fashion-mnist-cnn4");
    return run.run(c, out, spec.commandLine().getOut(), spec.commandLine().getParseResult().originalArgs(), "demo", engine, null);
  }
}
