package dev.convcut.cli;

import ai.djl.ndarray.NDManager;
import dev.convcut.checkpoint.Checkpoint;
import dev.convcut.checkpoint.Checkpoints;
import dev.convcut.checkpoint.WeightFormat;
import dev.convcut.interop.WeightExport;
import dev.convcut.io.OutputPlace;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code convcut export}: a checkpoint's weights as a PyTorch-loadable safetensors or npz file. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Write a checkpoint's weights and BatchNorm running statistics under PyTorch state_dict names "
        + "(safetensors or npz), loadable with load_state_dict(strict=True) into the reference modules.",
    footer = {"", "Example:", "  convcut export --checkpoint runs/resnet20-cifar10 --format safetensors --out resnet20.safetensors",
        "", "In PyTorch: m.load_state_dict({k: torch.from_numpy(v) for k, v in numpy.load('w.npz').items()}, strict=True)"})
public final class ExportCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--checkpoint", required = true, paramLabel = "DIR", description = "The checkpoint to export.")
  Path checkpoint;

  @Option(names = "--format", paramLabel = "safetensors|npz", description = "File format (default: from the --out extension).")
  String format;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The weight file to write.")
  Path out;

  @Option(names = "--force", description = "Replace an existing file.")
  boolean force;

  @Override
  public Integer call() {
    WeightFormat f = format == null ? WeightFormat.ofFile(out) : WeightFormat.parse(format);
    OutputPlace.check(out);
    EngineOptions.startQuietly();
    try (NDManager manager = NDManager.newBaseManager(); Checkpoint ck = Checkpoints.load(checkpoint, manager)) {
      int n = WeightExport.export(ck, f, out, force).size();
      spec.commandLine().getOut().println(out + " (" + f.extension() + ", " + n + " arrays, " + ck.architecture().model() + ")");
    }
    return 0;
  }
}
