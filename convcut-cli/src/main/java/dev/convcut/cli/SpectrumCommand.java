package dev.convcut.cli;

import ai.djl.ndarray.NDManager;
import dev.convcut.checkpoint.Checkpoint;
import dev.convcut.checkpoint.Checkpoints;
import dev.convcut.io.OutputPlace;
import dev.convcut.provenance.Provenance;
import dev.convcut.study.SpectrumRun;
import dev.convcut.study.SpectrumSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code convcut spectrum}: singular values and entropies of every layer along every cut. */
@Command(name = "spectrum", mixinStandardHelpOptions = true,
    description = "Experiment 1: the singular values of every conv and linear layer of a checkpoint along every non-trivial "
        + "cut, and their entanglement entropies. Writes spectrum.csv, singular_values.json and run.json into --out and "
        + "prints the per-layer entropy table.",
    footer = {"", "Example:", "  convcut spectrum --checkpoint runs/demo/model --out runs/demo/spectrum",
        "", "Outputs: OUT/spectrum.csv, OUT/singular_values.json, OUT/run.json (docs/formats.md, docs/spectrum.md)."})
final class SpectrumCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--checkpoint", required = true, paramLabel = "DIR", description = "The checkpoint directory.")
  Path checkpoint;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the spectrum files.")
  Path out;

  @Option(names = "--force", description = "Replace an existing spectrum in --out.")
  boolean force;

  @Override
  public Integer call() {
    OutputPlace.check(out);
    EngineOptions.startQuietly();
    Provenance prov = Provenance.start("spectrum", spec.commandLine().getParseResult().originalArgs())
        .input("checkpoint/" + Checkpoints.WEIGHTS, Checkpoints.weights(checkpoint));
    PrintWriter stdout = spec.commandLine().getOut();
    try (NDManager manager = NDManager.newBaseManager(); Checkpoint ck = Checkpoints.load(checkpoint, manager)) {
      prov.configuration(java.util.Map.of("checkpoint", checkpoint.toString(), "model", ck.architecture().model(),
          "dataset", String.valueOf(ck.architecture().dataset())));
      SpectrumRun.Result r = SpectrumRun.run(ck.network(), out, force, prov);
      stdout.print(SpectrumSummary.format(r.report()));
      for (Path f : r.files()) {
        stdout.println("Wrote " + f);
      }
    }
    stdout.flush();
    return 0;
  }
}
