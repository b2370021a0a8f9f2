package dev.convcut.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code convcut data}: the datasets convcut knows, where they are, and what they hold. */
@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "List, inspect and download the datasets (CIFAR-10, CIFAR-100, Fashion-MNIST, MNIST).",
    subcommands = {DataListCommand.class, DataInfoCommand.class, DataFetchCommand.class, DataBenchCommand.class},
    footer = {"", "Examples:", "  convcut data list", "  convcut data info --dataset fashion-mnist",
        "  convcut data fetch --dataset cifar10"})
final class DataCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
