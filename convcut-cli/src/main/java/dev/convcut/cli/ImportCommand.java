package dev.convcut.cli;

import ai.djl.ndarray.NDManager;
import dev.convcut.ConvcutException;
import dev.convcut.checkpoint.Architecture;
import dev.convcut.checkpoint.Checkpoints;
import dev.convcut.checkpoint.Preprocessing;
import dev.convcut.data.DataOptions;
import dev.convcut.data.DatasetSpec;
import dev.convcut.data.Datasets;
import dev.convcut.data.folder.FolderOptions;
import dev.convcut.interop.WeightImport;
import dev.convcut.interop.onnx.OnnxImport;
import dev.convcut.io.OutputLock;
import dev.convcut.model.ModelSpec;
import dev.convcut.model.Network;
import dev.convcut.model.Stem;
import dev.convcut.provenance.Provenance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code convcut import}: a checkpoint from a PyTorch state_dict saved as safetensors or npz, or from
 * a whole network in an ONNX file.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Make a convcut checkpoint from PyTorch weights (a state_dict saved as safetensors or npz, named as in "
        + "the reference modules; every missing, unexpected or mis-shaped array is listed in one error), or from a CNN in "
        + "an ONNX file (--onnx; unsupported operators are all named in one error).",
    footer = {"", "Examples:", "  convcut import --model resnet50 --weights resnet50.safetensors --dataset cifar100 --out runs/r50",
        "  convcut import --model cnn4 --weights w.npz --channels 1 --size 28 --classes 10 --mean 0.286 --std 0.353 --out runs/c4",
        "  convcut import --onnx resnet18.onnx --dataset imagefolder --data-dir ~/imgs --out runs/r18",
        "  convcut import --onnx net.onnx --input-shape 3,64,64 --mean 0.485,0.456,0.406 --std 0.229,0.224,0.225 --out runs/net",
        "", "In PyTorch: numpy.savez('w.npz', **{k: v.numpy() for k, v in model.state_dict().items()})"})
public final class ImportCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--model", paramLabel = "NAME", description = "Architecture: ${COMPLETION-CANDIDATES} (with --weights).",
      completionCandidates = ModelNames.class)
  String model;

  @Option(names = "--weights", paramLabel = "FILE", description = "A .safetensors or .npz file (with --model).")
  Path weights;

  @Option(names = "--onnx", paramLabel = "FILE", description = "An ONNX file holding the whole network (instead of --model and --weights).")
  Path onnx;

  @Option(names = "--input-shape", split = "[,x]", paramLabel = "C,H,W",
      description = "With --onnx: the input size to build for (C,H,W or CxHxW; H and W may differ), needed when the file's input"
          + " size is symbolic.")
  List<Integer> inputShape;

  @Option(names = "--output", paramLabel = "NAME", description = "With --onnx: the graph output holding the logits, when there are several.")
  String output;

  @Mixin DatasetOptions data;

  @Mixin ArchitectureOptions arch;

  @Option(names = "--mean", split = ",", paramLabel = "M", description = "Per-channel input mean in [0,1] (default: the dataset's, else 0.5).")
  List<Double> mean;

  @Option(names = "--std", split = ",", paramLabel = "S", description = "Per-channel input std (default: the dataset's, else 0.5).")
  List<Double> std;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The checkpoint directory to write.")
  Path out;

  @Option(names = "--force", description = "Replace an existing checkpoint.")
  boolean force;

  @Override
  public Integer call() {
    checkOptions();
    try (OutputLock lock = OutputLock.acquire(out)) {
      return onnx != null ? writeOnnx() : write();
    }
  }

  private void checkOptions() {
    if (onnx == null && (model == null || weights == null)) {
      throw new UsageException("give --model and --weights (a PyTorch state_dict), or --onnx (a whole network)");
    }
    if (onnx != null && (model != null || weights != null)) {
      throw new UsageException("--onnx takes the architecture and weights from the file; leave out --model and --weights");
    }
    if (onnx != null && (arch.channels != null || arch.size != null || arch.classes != null || !Stem.CIFAR.spelling().equals(arch.stem))) {
      throw new UsageException("--onnx takes channels, size, classes and layers from the file; leave out --channels, --size,"
          + " --classes and --stem (--input-shape C,H,W sets a symbolic input size)");
    }
    if (onnx == null && (inputShape != null || output != null)) {
      throw new UsageException("--input-shape and --output are for --onnx");
    }
  }

  /** Imports a whole network from an ONNX file, with --out locked. */
  private Integer writeOnnx() {
    OnnxImport.Options options;
    try {
      options = new OnnxImport.Options(inputShape, output);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    EngineOptions.startQuietly();
    Provenance prov = Provenance.start("import", List.of()).input("onnx", onnx);
    OnnxImport.Imported imp = OnnxImport.read(onnx, options);
    ModelSpec ms = ModelSpec.of(imp.graph());
    // An image folder is read at the network's input size and channels (resized first as given, else crop*256/224).
    FolderOptions f = data.toDataOptions().folder();
    DataOptions folderData = data.toDataOptions().withFolder(f.withTransform(f.resize(), ms.size(), ms.channels())).forTraining();
    DatasetSpec ds = data.dataset == null ? null : Datasets.spec(data.dataset, folderData);
    List<String> classNames = ds == null ? List.of() : ds.classes(data.labels);
    if (ds != null && (ds.channels() != ms.channels() || classNames.size() != ms.classes())) {
      throw new ConvcutException(onnx + ": the network takes " + ms.channels() + " channels and gives " + ms.classes()
          + " classes, but " + data.dataset + " has " + ds.channels() + " channels and " + classNames.size() + " classes");
    }
    Preprocessing pre = preprocessing(ms.channels(), ds);
    if (data.dataset != null && Datasets.isFolder(data.dataset)) {
      pre = pre.withResize(folderData.folder().resize());
    }
    prov = prov.configuration(Map.of("onnx", onnx.toString(), "opset", imp.opset(), "producer", imp.producer(),
        "input", List.of(ms.channels(), ms.height(), ms.width()), "classes", ms.classes(), "preprocessing", pre));
    try (NDManager manager = NDManager.newBaseManager(); Network net = OnnxImport.network(imp, onnx, manager)) {
      Architecture a = Architecture.of(ms, Map.of(), pre, data.dataset, classNames);
      Checkpoints.save(out, force, net, a, null, Map.of(), prov, Map.of("parameters", net.parameterCount(),
          "layers", net.layerNames().size(), "stages", net.stages().size()));
      spec.commandLine().getOut().println(out + " (" + net.layerNames().size() + " layers in " + net.stages().size()
          + " stages, " + ms.inputShape() + " input, " + ms.classes() + " classes)");
    }
    return 0;
  }

  /** The command's work, with --out locked against other runs. */
  private Integer write() {
    DatasetSpec ds = data.dataset == null ? null : Datasets.spec(data.dataset, data.toDataOptions().forTraining());
    List<String> classNames = ds == null ? List.of() : ds.classes(data.labels);
    ModelSpec ms = ds == null ? arch.spec(model) : arch.spec(model, ds.channels(), ds.height(), classNames.size());
    Preprocessing pre = preprocessing(ms.channels(), ds);
    if (data.dataset != null && Datasets.isFolder(data.dataset)) {
      pre = pre.withResize(data.toDataOptions().forTraining().folder().resize());
    }
    EngineOptions.startQuietly();
    Provenance prov = Provenance.start("import", List.of()).configuration(Map.of("model", ms, "preprocessing", pre))
        .input("weights", weights);
    try (NDManager manager = NDManager.newBaseManager();
        Network net = WeightImport.load(ms, Map.of(), weights, manager)) {
      Architecture a = Architecture.of(ms, Map.of(), pre, data.dataset,
          ds != null && classNames.size() == ms.classes() ? classNames : List.of());
      Checkpoints.save(out, force, net, a, null, Map.of(), prov, Map.of("parameters", net.parameterCount()));
      spec.commandLine().getOut().println(out);
    }
    return 0;
  }

  private Preprocessing preprocessing(int channels, DatasetSpec ds) {
    Preprocessing standard = ds != null && ds.channels() == channels ? Preprocessing.of(ds.normalization()) : Preprocessing.centered(channels);
    List<Double> m = mean != null ? expand(mean, channels, "--mean") : standard.mean();
    List<Double> s = std != null ? expand(std, channels, "--std") : standard.std();
    return new Preprocessing(m, s);
  }

  /** One value for all channels, or one per channel. */
  static List<Double> expand(List<Double> v, int channels, String option) {
    if (v.size() == 1) {
      return new ArrayList<>(Collections.nCopies(channels, v.get(0)));
    }
    if (v.size() != channels) {
      throw new IllegalArgumentException(option + " needs 1 or " + channels + " values, got " + v.size());
    }
    return v;
  }
}
