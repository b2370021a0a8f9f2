package dev.convcut.cli;

import dev.convcut.report.Report;
import dev.convcut.report.analysis.Criteria;
import dev.convcut.report.analysis.Summary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code convcut report}: the study's plots, tables and verdicts as one HTML page; never starts the engine. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Reads a study run's files (spectrum.csv, singular_values.json, sweep.csv, global.csv, retrain.csv, in DIR "
          + "or one level down), judges from the measured numbers whether the paper's findings held, and writes "
          + "PNG plots and one self-contained HTML page. Prints the findings and the page's path.",
      "Re-running replaces the previous report folder; any other existing folder needs --force."
    },
    footer = {
      "",
      "Example:",
      "  convcut report --run runs/demo",
      "  convcut report --run runs/demo --out /tmp/r --tolerance 1.0 --recover-epochs 5",
      "",
      "Outputs: OUT/index.html, OUT/*.png and OUT/run.json (docs/report.md)."
    })
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--run", required = true, paramLabel = "DIR", description = "The study run directory to report on.")
  Path run;

  @Option(names = "--out", paramLabel = "DIR", description = "The report folder (default: DIR/" + Report.DEFAULT_FOLDER + ").")
  Path out;

  @Option(names = "--tolerance", paramLabel = "POINTS", defaultValue = "0.5",
      description = "No accuracy loss means top-1 within this many percentage points of the baseline (default: ${DEFAULT-VALUE}).")
  double tolerance;

  @Option(names = "--recover-epochs", paramLabel = "N", defaultValue = "3",
      description = "'Recovers within a few epochs' means back within tolerance by epoch N (default: ${DEFAULT-VALUE}).")
  int recoverEpochs;

  @Option(names = "--min-norm-loss", paramLabel = "FRACTION", defaultValue = "0.05",
      description = "The norm loss a layer must lose within tolerance to count for 'norm can be lost without accuracy "
          + "loss' (default: ${DEFAULT-VALUE} = 5%%).")
  double minNormLoss;

  @Option(names = "--force", description = "Replace --out even when it is an existing folder that is not a convcut report.")
  boolean force;

  @Override
  public Integer call() {
    Criteria criteria = new Criteria(tolerance, recoverEpochs, minNormLoss);
    Report.Result result = Report.write(run, out, criteria, force, spec.commandLine().getParseResult().originalArgs());
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(Summary.format(result.findings()));
    stdout.println("Report: " + result.index());
    stdout.flush();
    return 0;
  }
}
