package dev.convcut.cli;

import ai.djl.ndarray.NDManager;
import ai.onnx.proto.OnnxMl;
import dev.convcut.checkpoint.Checkpoint;
import dev.convcut.checkpoint.Checkpoints;
import dev.convcut.checkpoint.WeightFormat;
import dev.convcut.interop.WeightExport;
import dev.convcut.interop.onnx.OnnxExport;
import dev.convcut.io.OutputPlace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code convcut export}: a checkpoint's weights as a PyTorch-loadable safetensors or npz file, or the model as ONNX. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Write a checkpoint's weights and BatchNorm running statistics under PyTorch state_dict names "
        + "(safetensors or npz), loadable with load_state_dict(strict=True) into the reference modules; or the whole model "
        + "as ONNX (opset " + OnnxExport.OPSET + "; input 'input' [N,C,H,W] with a dynamic batch N, output 'logits' [N,classes]; "
        + "each factor of a factorized layer a Conv node; BatchNorm folded into the convolutions unless --no-fold)."},
    footer = {"", "Examples:", "  convcut export --checkpoint runs/resnet20-cifar10 --format safetensors --out resnet20.safetensors",
        "  convcut export --checkpoint runs/r20-x4 --format onnx --out r20-x4.onnx",
        "", "In PyTorch: m.load_state_dict({k: torch.from_numpy(v) for k, v in numpy.load('w.npz').items()}, strict=True)"})
public final class ExportCommand implements Callable<Integer> {
  static final String ONNX = "onnx";

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--checkpoint", required = true, paramLabel = "DIR", description = "The checkpoint to export.")
  Path checkpoint;

  @Option(names = "--format", paramLabel = "safetensors|npz|onnx", description = "File format (default: from the --out extension).")
  String format;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write.")
  Path out;

  @Option(names = "--no-fold", description = "ONNX only: keep each BatchNorm as a BatchNormalization node instead of folding it "
      + "into the convolution before it.")
  boolean noFold;

  @Option(names = "--force", description = "Replace an existing file.")
  boolean force;

  @Override
  public Integer call() {
    boolean onnx = format == null ? out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith("." + ONNX)
        : format.toLowerCase(Locale.ROOT).equals(ONNX);
    WeightFormat weights = onnx ? null : weightFormat();
    if (noFold && !onnx) {
      throw new UsageException("--no-fold applies to --format onnx only");
    }
    OutputPlace.check(out);
    EngineOptions.startQuietly();
    PrintWriter stdout = spec.commandLine().getOut();
    try (NDManager manager = NDManager.newBaseManager(); Checkpoint ck = Checkpoints.load(checkpoint, manager)) {
      if (onnx) {
        OnnxMl.ModelProto m = OnnxExport.write(ck, out, !noFold, force);
        stdout.println(out + " (onnx, opset " + OnnxExport.OPSET + ", " + m.getGraph().getNodeCount() + " nodes, BatchNorm "
            + (noFold ? "kept" : "folded") + ", " + ck.architecture().model() + ")");
      } else {
        int n = WeightExport.export(ck, weights, out, force).size();
        stdout.println(out + " (" + weights.extension() + ", " + n + " arrays, " + ck.architecture().model() + ")");
      }
    }
    return 0;
  }

  private WeightFormat weightFormat() {
    try {
      return format == null ? WeightFormat.ofFile(out) : WeightFormat.parse(format);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage() + " (or onnx for the whole model)");
    }
  }
}
