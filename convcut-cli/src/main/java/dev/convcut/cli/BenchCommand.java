package dev.convcut.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code convcut bench}: the benchmarks (each a subcommand). */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmarks: measured figures, not tests. See the subcommands.",
    subcommands = {BenchTrainCommand.class, BenchLatencyCommand.class, BenchOnnxCommand.class, BenchSpectrumCommand.class,
        BenchSweepCommand.class},
    footer = {"", "Examples:", "  convcut bench train --models cnn4,resnet20,resnet50", "  convcut bench spectrum --vectors"})
public final class BenchCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
