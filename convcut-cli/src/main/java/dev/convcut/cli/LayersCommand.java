package dev.convcut.cli;

import ai.djl.ndarray.NDManager;
import dev.convcut.checkpoint.Checkpoint;
import dev.convcut.checkpoint.Checkpoints;
import dev.convcut.io.Json;
import dev.convcut.model.LayerForm;
import dev.convcut.model.LayerInfo;
import dev.convcut.model.ModelSpec;
import dev.convcut.model.ModelZoo;
import dev.convcut.model.Network;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code convcut layers}: every convolution and linear layer of a checkpoint or architecture. */
@Command(name = "layers", mixinStandardHelpOptions = true,
    description = "List every convolution and linear layer of a checkpoint (or of an architecture): name, stage, "
        + "weight shape, stride/padding/dilation, groups, bias, input and output size, parameters and multiply-adds.",
    footer = {"", "Examples:", "  convcut layers --checkpoint runs/cnn4-fmnist",
        "  convcut layers --model resnet50 --size 32 --classes 100 --json"})
public final class LayersCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  static final class Source {
    @Option(names = "--checkpoint", paramLabel = "DIR", description = "A checkpoint directory.")
    Path checkpoint;

    @Option(names = "--model", paramLabel = "NAME", description = "An architecture instead: ${COMPLETION-CANDIDATES}.",
        completionCandidates = ModelNames.class)
    String model;
  }

  @Mixin ArchitectureOptions arch;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @Override
  public Integer call() {
    EngineOptions.startQuietly();
    PrintWriter out = spec.commandLine().getOut();
    try (NDManager manager = NDManager.newBaseManager()) {
      List<LayerInfo> layers;
      String title;
      if (source.checkpoint != null) {
        try (Checkpoint ck = Checkpoints.load(source.checkpoint, manager)) {
          layers = ck.network().layerInfos();
          title = source.checkpoint + ": " + describe(ck.network());
        }
      } else {
        try (Network net = ModelZoo.build(arch.spec(source.model), manager, 0)) {
          layers = net.layerInfos();
          title = describe(net);
        }
      }
      if (json) {
        out.print(Json.write(layers));
      } else {
        out.println(title);
        out.print(table(layers));
      }
    }
    out.flush();
    return 0;
  }

  private static String describe(Network net) {
    ModelSpec s = net.spec();
    String stem = s.imported() ? net.stages().size() + " stages" : s.stem() + " stem";
    return String.format(Locale.ROOT, "%s, input %s, %d classes, %s, %,d parameters", s.model(), s.inputShape(), s.classes(), stem,
        net.parameterCount());
  }

  static String table(List<LayerInfo> layers) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-24s %-6s %-14s %-16s %-6s %-6s %-4s %-3s %-9s %-9s %11s %15s%n",
        "layer", "kind", "stage", "weight", "stride", "pad", "grp", "b", "in", "out", "params", "MACs"));
    long params = 0;
    long macs = 0;
    for (LayerInfo l : layers) {
      sb.append(String.format(Locale.ROOT, "%-24s %-6s %-14s %-16s %-6s %-6s %-4d %-3s %-9s %-9s %,11d %,15d%n",
          l.name() + (l.form() == LayerForm.Kind.DENSE ? "" : "*"), l.kind(), l.stage(), join(l.weightShape(), "x"),
          join(l.stride(), ","), join(l.padding(), ","), l.groups(), l.bias() ? "y" : "n", join(l.inputSize(), "x"),
          join(l.outputSize(), "x"), l.params(), l.macs()));
      params += l.params();
      macs += l.macs();
    }
    sb.append(String.format(Locale.ROOT, "%d layers, %,d weights and biases, %,d multiply-adds per image%s%n", layers.size(),
        params, macs, layers.stream().anyMatch(l -> l.form() != LayerForm.Kind.DENSE) ? " (* factorized)" : ""));
    return sb.toString();
  }

  private static String join(List<? extends Number> v, String sep) {
    return String.join(sep, v.stream().map(String::valueOf).toList());
  }
}
